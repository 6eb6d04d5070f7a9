#include "stix/validation/sco_extensions.h"

#include "stix/validation/check_context.h"
#include "stix/validation/vocabularies.h"

namespace kenes::stix::validation {
namespace {

namespace v = vocabulary;

}  // namespace

ExtensionShapes FileExtensions() {
  const ObjectShape* stream =
      MakeShape("alternate data stream", {{"name", String(), true}, {"hashes", Hashes()}, {"size", Count()}});
  const ObjectShape* section = MakeShape(
      "PE section", {{"name", String(), true}, {"size", Count()}, {"entropy", Number()}, {"hashes", Hashes()}});
  const ObjectShape* optional_header = MakeShape("PE optional header", {{"magic_hex", Hex()},
                                                                        {"major_linker_version", Integer()},
                                                                        {"minor_linker_version", Integer()},
                                                                        {"size_of_code", Count()},
                                                                        {"size_of_initialized_data", Count()},
                                                                        {"size_of_uninitialized_data", Count()},
                                                                        {"address_of_entry_point", Integer()},
                                                                        {"base_of_code", Integer()},
                                                                        {"base_of_data", Integer()},
                                                                        {"image_base", Integer()},
                                                                        {"section_alignment", Integer()},
                                                                        {"file_alignment", Integer()},
                                                                        {"major_os_version", Integer()},
                                                                        {"minor_os_version", Integer()},
                                                                        {"major_image_version", Integer()},
                                                                        {"minor_image_version", Integer()},
                                                                        {"major_subsystem_version", Integer()},
                                                                        {"minor_subsystem_version", Integer()},
                                                                        {"win32_version_value_hex", Hex()},
                                                                        {"size_of_image", Count()},
                                                                        {"size_of_headers", Count()},
                                                                        {"checksum_hex", Hex()},
                                                                        {"subsystem_hex", Hex()},
                                                                        {"dll_characteristics_hex", Hex()},
                                                                        {"size_of_stack_reserve", Count()},
                                                                        {"size_of_stack_commit", Count()},
                                                                        {"size_of_heap_reserve", Count()},
                                                                        {"size_of_heap_commit", Count()},
                                                                        {"loader_flags_hex", Hex()},
                                                                        {"number_of_rva_and_sizes", Integer()},
                                                                        {"hashes", Hashes()}});
  return {
      {"archive-ext",
       MakeShape("archive extension",
                 {{"contains_refs", ListOf(ReferenceTo({"file", "directory"})), true}, {"comment", String()}})},
      {"ntfs-ext", MakeShape("NTFS extension", {{"sid", String()}, {"alternate_data_streams", ListOf(Nested(stream))}},
                             {+[](simdjson::dom::object object, CheckContext& context) {
                               RequireOneOf(object, context, {"sid", "alternate_data_streams"});
                             }})},
      {"pdf-ext",
       MakeShape("PDF extension",
                 {{"version", String()},
                  {"is_optimized", Boolean()},
                  {"document_info_dict", Dictionary()},
                  {"pdfid0", String()},
                  {"pdfid1", String()}},
                 {+[](simdjson::dom::object object, CheckContext& context) {
                   RequireOneOf(object, context, {"version", "is_optimized", "document_info_dict", "pdfid0", "pdfid1"});
                 }})},
      {"raster-image-ext",
       MakeShape("raster image extension",
                 {{"image_height", Count()},
                  {"image_width", Count()},
                  {"bits_per_pixel", Count()},
                  {"exif_tags", Dictionary()}},
                 {+[](simdjson::dom::object object, CheckContext& context) {
                   RequireOneOf(object, context, {"image_height", "image_width", "bits_per_pixel", "exif_tags"});
                 }})},
      {"windows-pebinary-ext",
       MakeShape("Windows PE binary extension", {{"pe_type", OpenVocabulary(v::WindowsPeBinaryType()), true},
                                                 {"imphash", String()},
                                                 {"machine_hex", Hex()},
                                                 {"number_of_sections", Count()},
                                                 {"time_date_stamp", Timestamp()},
                                                 {"pointer_to_symbol_table_hex", Hex()},
                                                 {"number_of_symbols", Count()},
                                                 {"size_of_optional_header", Count()},
                                                 {"characteristics_hex", Hex()},
                                                 {"file_header_hashes", Hashes()},
                                                 {"optional_header", Nested(optional_header)},
                                                 {"sections", ListOf(Nested(section))}})},
  };
}

ExtensionShapes NetworkTrafficExtensions() {
  return {
      {"http-request-ext", MakeShape("HTTP request extension", {{"request_method", String(), true},
                                                                {"request_value", String(), true},
                                                                {"request_version", String()},
                                                                {"request_header", Dictionary()},
                                                                {"message_body_length", Count()},
                                                                {"message_body_data_ref", ReferenceTo({"artifact"})}})},
      {"icmp-ext", MakeShape("ICMP extension", {{"icmp_type_hex", Hex(), true}, {"icmp_code_hex", Hex(), true}})},
      {"socket-ext", MakeShape("socket extension", {{"address_family", Enum(v::NetworkSocketAddressFamily()), true},
                                                    {"is_blocking", Boolean()},
                                                    {"is_listening", Boolean()},
                                                    {"options", Dictionary(Integer())},
                                                    {"socket_type", Enum(v::NetworkSocketType())},
                                                    {"socket_descriptor", Count()},
                                                    {"socket_handle", Integer()}})},
      {"tcp-ext", MakeShape("TCP extension", {{"src_flags_hex", Hex()}, {"dst_flags_hex", Hex()}},
                            {+[](simdjson::dom::object object, CheckContext& context) {
                              RequireOneOf(object, context, {"src_flags_hex", "dst_flags_hex"});
                            }})},
  };
}

ExtensionShapes ProcessExtensions() {
  return {
      {"windows-process-ext", MakeShape("Windows process extension",
                                        {{"aslr_enabled", Boolean()},
                                         {"dep_enabled", Boolean()},
                                         {"priority", String()},
                                         {"owner_sid", String()},
                                         {"window_title", String()},
                                         {"startup_info", Dictionary()},
                                         {"integrity_level", Enum(v::WindowsIntegrityLevel())}},
                                        {+[](simdjson::dom::object object, CheckContext& context) {
                                          RequireOneOf(object, context,
                                                       {"aslr_enabled", "dep_enabled", "priority", "owner_sid",
                                                        "window_title", "startup_info", "integrity_level"});
                                        }})},
      {"windows-service-ext", MakeShape("Windows service extension",
                                        {{"service_name", String()},
                                         {"descriptions", ListOf(String())},
                                         {"display_name", String()},
                                         {"group_name", String()},
                                         {"start_type", Enum(v::WindowsServiceStartType())},
                                         {"service_dll_refs", ListOf(ReferenceTo({"file"}))},
                                         {"service_type", Enum(v::WindowsServiceType())},
                                         {"service_status", Enum(v::WindowsServiceStatus())}},
                                        {+[](simdjson::dom::object object, CheckContext& context) {
                                          RequireOneOf(
                                              object, context,
                                              {"service_name", "descriptions", "display_name", "group_name",
                                               "start_type", "service_dll_refs", "service_type", "service_status"});
                                        }})},
  };
}

ExtensionShapes UserAccountExtensions() {
  return {
      {"unix-account-ext",
       MakeShape("Unix account extension",
                 {{"gid", Integer()}, {"groups", ListOf(String())}, {"home_dir", String()}, {"shell", String()}},
                 {+[](simdjson::dom::object object, CheckContext& context) {
                   RequireOneOf(object, context, {"gid", "groups", "home_dir", "shell"});
                 }})},
  };
}

}  // namespace kenes::stix::validation
