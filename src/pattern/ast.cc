#include "pattern/ast.h"

namespace kenes::pattern {

bool PathStep::IsReference() const { return kind == Kind::kKey && (key.ends_with("_ref") || key.ends_with("_refs")); }

}  // namespace kenes::pattern
