// The predefined SCO extensions of STIX 2.1 section 6 ("archive-ext",
// "ntfs-ext", ... "unix-account-ext"), keyed by extension name, for the SCO
// type definitions to carry.
//
// Built once on first use; thread-safe.
#pragma once

#include <string_view>
#include <unordered_map>

#include "stix/validation/object_shape.h"

namespace kenes::stix::validation {

using ExtensionShapes = std::unordered_map<std::string_view, const ObjectShape*>;

ExtensionShapes FileExtensions();            // archive-ext, ntfs-ext, pdf-ext, raster-image-ext, windows-pebinary-ext
ExtensionShapes NetworkTrafficExtensions();  // http-request-ext, icmp-ext, socket-ext, tcp-ext
ExtensionShapes ProcessExtensions();         // windows-process-ext, windows-service-ext
ExtensionShapes UserAccountExtensions();     // unix-account-ext

}  // namespace kenes::stix::validation
