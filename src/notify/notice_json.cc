#include "notify/notice_json.h"

#include <fmt/format.h>

#include "base/json_text.h"

namespace kenes::notify {

void AppendNoticeMembers(std::string& out, const StoredNotice& stored) {
  out += fmt::format("\"id\":{},\"kind\":", stored.id);
  AppendJsonString(out, stored.notice.kind);
  out += ",\"organisation\":";
  AppendJsonString(out, stored.organisation);
  out += ",\"object_id\":";
  AppendJsonString(out, stored.notice.object_id);
  out += ",\"title\":";
  AppendJsonString(out, stored.notice.title);
  out += ",\"data\":";
  out += stored.notice.data;  // checked to be a JSON object when recorded
  out += ",\"created\":";
  AppendJsonString(out, FormatTimestamp(stored.created, 6));
}

std::string NoticeJson(const StoredNotice& notice) {
  std::string out = "{";
  AppendNoticeMembers(out, notice);
  out += '}';
  return out;
}

}  // namespace kenes::notify
