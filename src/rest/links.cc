#include "rest/links.h"

#include "rest/object_json.h"

namespace kenes::rest {
namespace {

// The latest version of `id` the viewer may see; nullopt when none.
Result<std::optional<store::StoredVersion>> VisibleLatest(store::Store& store, const store::Viewer* viewer,
                                                          std::string_view id) {
  Result<store::StoredVersion> found = store.Latest(id, viewer);
  if (found.ok()) return std::optional<store::StoredVersion>(std::move(found).value());
  if (found.status().code() == StatusCode::kNotFound) return std::optional<store::StoredVersion>();
  return found.status();
}

// At most `limit` of the object's references are looked at, hidden ones
// included, so an object naming thousands costs no more than one naming a few.
Status AddOutgoing(store::Store& store, const store::Viewer* viewer, const store::StoredVersion& object, size_t limit,
                   Links& result) {
  std::vector<Reference> references = ReferencesOf(object.json);
  if (references.size() > limit) {
    result.truncated = true;
    references.resize(limit);
  }
  for (Reference& reference : references) {
    KENES_ASSIGN_OR_RETURN(std::optional<store::StoredVersion> other, VisibleLatest(store, viewer, reference.id));
    if (other) {
      result.links.push_back(
          Link{Direction::kOutgoing, std::move(reference.property), std::nullopt, "", std::move(other).value()});
    }
  }
  return Status::Ok();
}

// The link `referrer` (which names `object`) makes; nullopt when it goes
// through a relationship whose other end the viewer may not see.
Result<std::optional<Link>> IncomingLink(store::Store& store, const store::Viewer* viewer,
                                         const store::StoredVersion& object, store::StoredVersion referrer) {
  std::vector<Reference> references = ReferencesOf(referrer.json);
  if (referrer.type != "relationship") {
    std::string property;
    for (Reference& reference : references) {
      if (reference.id == object.id) {
        property = std::move(reference.property);
        break;
      }
    }
    return std::optional<Link>(Link{Direction::kIncoming, std::move(property), std::nullopt, "", std::move(referrer)});
  }
  std::string source;
  std::string target;
  for (const Reference& reference : references) {
    if (reference.property == "source_ref") source = reference.id;
    if (reference.property == "target_ref") target = reference.id;
  }
  const bool from_object = source == object.id;
  KENES_ASSIGN_OR_RETURN(std::optional<store::StoredVersion> other,
                         VisibleLatest(store, viewer, from_object ? target : source));
  if (!other) return std::optional<Link>();
  std::string type = StringProperty(referrer.json, "relationship_type");
  return std::optional<Link>(Link{from_object ? Direction::kOutgoing : Direction::kIncoming,
                                  from_object ? "source_ref" : "target_ref", std::move(referrer), std::move(type),
                                  std::move(other).value()});
}

}  // namespace

std::string_view DirectionName(Direction direction) {
  return direction == Direction::kOutgoing ? "outgoing" : "incoming";
}

Result<Links> LinksOf(store::Store& store, const store::Viewer* viewer, const store::StoredVersion& object,
                      size_t limit) {
  Links result;
  KENES_RETURN_IF_ERROR(AddOutgoing(store, viewer, object, limit, result));
  KENES_ASSIGN_OR_RETURN(std::vector<store::StoredVersion> referrers, store.ReferencedBy(object.id, viewer, limit + 1));
  if (referrers.size() > limit) {
    result.truncated = true;
    referrers.resize(limit);
  }
  for (store::StoredVersion& referrer : referrers) {
    KENES_ASSIGN_OR_RETURN(std::optional<Link> link, IncomingLink(store, viewer, object, std::move(referrer)));
    if (link) result.links.push_back(std::move(link).value());
  }
  return result;
}

}  // namespace kenes::rest
