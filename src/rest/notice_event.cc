#include "rest/notice_event.h"

#include <fmt/format.h>

#include <string_view>

#include "notify/notice_json.h"

namespace kenes::rest {

std::string FormatNoticeEvent(const notify::StoredNotice& notice) {
  const std::string json = notify::NoticeJson(notice);
  // The kind is the publisher's text: a line break in it would forge fields.
  std::string kind = notice.notice.kind;
  std::erase_if(kind, [](char c) { return c == '\n' || c == '\r'; });
  std::string event = fmt::format("id: {}\nevent: {}\n", notice.id, kind);
  std::string_view rest = json;
  while (!rest.empty()) {
    size_t line_end = rest.find_first_of("\r\n");
    std::string_view line = rest.substr(0, line_end);
    if (!line.empty()) fmt::format_to(std::back_inserter(event), "data: {}\n", line);
    rest.remove_prefix(line_end == std::string_view::npos ? rest.size() : line_end + 1);
  }
  event += '\n';
  return event;
}

bool MayTell(store::Store& store, const store::Viewer* viewer, const notify::StoredNotice& notice) {
  return store.Latest(notice.notice.object_id, viewer).ok();
}

}  // namespace kenes::rest
