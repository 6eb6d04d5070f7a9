#include "respond/incident_report.h"

#include <fmt/format.h>

#include <array>
#include <initializer_list>
#include <map>
#include <string_view>

namespace kenes::respond {
namespace {

constexpr std::array<std::string_view, 5> kOutcomes = {"pending", "ongoing", "successful", "failed", "cancelled"};

constexpr std::string_view kStyle = R"(
@page { size: A4; margin: 15mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #1a1a1a; margin: 2em auto;
       max-width: 60em; line-height: 1.4; }
h1 { font-size: 18pt; margin-bottom: 0.2em; }
h2 { font-size: 13pt; border-bottom: 2px solid #334; padding-bottom: 0.2em; margin-top: 1.8em; }
h3 { font-size: 11.5pt; margin-bottom: 0.3em; }
.subtitle { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #e8eaf0; }
td.number, th.number { text-align: right; }
dl.summary { display: grid; grid-template-columns: 12em 1fr; gap: 0.2em 1em; }
dl.summary dt { font-weight: bold; }
dl.summary dd { margin: 0; }
.badge { display: inline-block; padding: 0 0.4em; border-radius: 0.3em; border: 1px solid #888; font-size: 9pt; }
.overdue { color: #a00000; font-weight: bold; }
.waiting { color: #8a5a00; }
.outcome-successful { color: #16632b; }
.outcome-failed { color: #a00000; }
.muted { color: #666; }
footer { margin-top: 2.5em; border-top: 1px solid #999; padding-top: 0.5em; font-size: 9pt; color: #444; }
@media print {
  body { margin: 0; max-width: none; }
  h2 { page-break-after: avoid; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  .new-page { page-break-before: always; }
}
)";

// Escapes the five characters that may change HTML's meaning in text and
// in quoted attribute values.
void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string Escaped(std::string_view text) {
  std::string out;
  AppendEscaped(out, text);
  return out;
}

// "2026-03-02 06:15 UTC".
std::string WhenText(const Timestamp& time) {
  std::string text = FormatTimestamp(time, 0);  // 2026-03-02T06:15:00Z
  return text.substr(0, 10) + " " + text.substr(11, 5) + " UTC";
}

std::string NumberText(double value) { return fmt::format("{:g}", value); }

class ReportWriter {
 public:
  ReportWriter(const IncidentBrief& brief, const ReportOptions& options) : brief_(brief), options_(options) {}

  std::string Write() {
    out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    Line("<title>Incident report: {}</title>", Escaped(brief_.name));
    out_ += "<style>";
    out_ += kStyle;
    out_ += "</style>\n</head>\n<body>\n";
    Summary();
    Concerns();
    Timeline();
    Plan();
    AssistanceGaps();
    Contributions();
    Footer();
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  template <typename... Args>
  void Line(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(out_), format, std::forward<Args>(args)...);
    out_ += '\n';
  }

  // Opens a section headed `heading`; when `empty`, says `nothing`, closes
  // it and returns false.
  bool OpenSection(std::string_view heading, bool empty, std::string_view nothing, bool new_page = false) {
    Line("<section{}>\n<h2>{}</h2>", new_page ? " class=\"new-page\"" : "", heading);
    return Nothing(empty, nothing);
  }

  // When `empty`, says `nothing`, closes the section and returns false.
  bool Nothing(bool empty, std::string_view nothing) {
    if (!empty) return true;
    Line("<p class=\"muted\">{}</p>\n</section>", nothing);
    return false;
  }

  // Opens a table with these column headings; a leading '#' marks a number column.
  void TableHead(std::initializer_list<std::string_view> headings) {
    out_ += "<table>\n<thead><tr>";
    for (std::string_view heading : headings) {
      if (heading.starts_with('#')) {
        Line("<th class=\"number\">{}</th>", heading.substr(1));
      } else {
        Line("<th>{}</th>", heading);
      }
    }
    out_ += "</tr></thead>\n<tbody>\n";
  }

  void SummaryItem(std::string_view term, std::string_view escaped_value) {
    Line("<dt>{}</dt><dd>{}</dd>", term, escaped_value);
  }

  void Summary() {
    out_ += "<header>\n";
    Line("<h1>{}</h1>", Escaped(brief_.name));
    Line("<p class=\"subtitle\">Incident report for a council meeting &middot; {}</p>", Escaped(brief_.id));
    out_ += "</header>\n<section>\n<h2>Summary</h2>\n<dl class=\"summary\">\n";
    SummaryItem("Status", Escaped(brief_.investigation_status.empty() ? "not given" : brief_.investigation_status));
    if (!brief_.determination.empty()) SummaryItem("Determination", Escaped(brief_.determination));
    SummaryItem("Severity", Escaped(brief_.severity.empty() ? "not given" : brief_.severity));
    if (brief_.criticality) SummaryItem("Criticality", fmt::format("{} / 100", *brief_.criticality));
    SummaryItem("Owner", Escaped(brief_.owner.name));
    std::string states;
    for (const StateRef& state : brief_.affected_states) {
      if (!states.empty()) states += ", ";
      AppendEscaped(states, state.name);
    }
    SummaryItem("Affected states", states.empty() ? "none named" : states);
    SummaryItem("Opened", WhenText(brief_.created));
    SummaryItem("Last updated", WhenText(brief_.modified));
    out_ += "</dl>\n";
    if (!brief_.description.empty()) Line("<p>{}</p>", Escaped(brief_.description));
    out_ += "</section>\n";
  }

  void Concerns() {
    if (!OpenSection("What the incident concerns", brief_.concerns.empty(),
                     "No linked threat actors, indicators, observables or sightings.")) {
      return;
    }
    TableHead({"Type", "Name", "Relationship"});
    for (const ConcernedObject& object : brief_.concerns) {
      Line("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", Escaped(object.type), Escaped(object.name),
           Escaped(object.relationship_type));
    }
    out_ += "</tbody>\n</table>\n</section>\n";
  }

  void Timeline() {
    if (!OpenSection("Timeline", brief_.timeline.empty(), "Nothing recorded.")) return;
    TableHead({"When", "Who", "What"});
    for (const TimelineEntry& entry : brief_.timeline) {
      Line("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", WhenText(entry.time), Escaped(entry.actor.name),
           Escaped(entry.summary));
    }
    out_ += "</tbody>\n</table>\n</section>\n";
  }

  void Plan() {
    if (!OpenSection("Response plan: task status per state", brief_.plans.empty(), "No response plan.", true)) return;
    StatusPerState();
    for (const PlanSection& plan : brief_.plans) {
      Line("<h3>{}</h3>", Escaped(plan.name));
      if (!plan.id.empty()) Line("<p>Owner: {}. {}</p>", Escaped(plan.owner.name), Escaped(plan.description));
      TableHead({"Task", "Responsible", "Outcome", "#Priority", "Due", "Depends on"});
      for (const TaskLine& task : plan.tasks) TaskRow(task);
      out_ += "</tbody>\n</table>\n";
    }
    out_ += "</section>\n";
  }

  void StatusPerState() {
    std::map<std::string, std::pair<std::array<int, kOutcomes.size()>, int>>
        counts;  // by state name: outcomes, overdue
    for (const PlanSection& plan : brief_.plans) {
      for (const TaskLine& task : plan.tasks) {
        auto& [outcomes, overdue] = counts[task.responsible.name];
        for (size_t i = 0; i < kOutcomes.size(); ++i) {
          if (kOutcomes[i] == task.outcome) ++outcomes[i];
        }
        if (task.overdue) ++overdue;
      }
    }
    TableHead({"State", "#pending", "#ongoing", "#successful", "#failed", "#cancelled", "#overdue"});
    for (const auto& [state, count] : counts) {
      Line("<tr><td>{}</td>", Escaped(state));
      for (int outcome : count.first) Line("<td class=\"number\">{}</td>", outcome);
      Line("<td class=\"number{}\">{}</td></tr>", count.second > 0 ? " overdue" : "", count.second);
    }
    out_ += "</tbody>\n</table>\n";
  }

  void TaskRow(const TaskLine& task) {
    std::string name = "<strong>" + Escaped(task.name) + "</strong>";
    if (!task.description.empty()) name += "<br><span class=\"muted\">" + Escaped(task.description) + "</span>";
    std::string due = task.due ? WhenText(*task.due) : std::string("none");
    if (task.overdue) due += " <span class=\"badge overdue\">overdue</span>";
    std::string depends;
    for (const std::string& dependency : task.depends_on) {
      if (!depends.empty()) depends += ", ";
      AppendEscaped(depends, dependency);
    }
    if (task.waiting) depends += " <span class=\"badge waiting\">waiting</span>";
    Line(
        "<tr><td>{}</td><td>{}</td><td class=\"outcome-{}\">{}</td><td "
        "class=\"number\">{}</td><td>{}</td><td>{}</td></tr>",
        name, Escaped(task.responsible.name), Escaped(task.outcome), Escaped(task.outcome),
        task.priority ? std::to_string(*task.priority) : std::string(), due, depends);
  }

  void AssistanceGaps() {
    if (!OpenSection("Open assistance gaps", !brief_.assistance_gaps,
                     "Mutual assistance is not tracked on this node.") ||
        !Nothing(brief_.assistance_gaps->empty(), "No open assistance gaps.")) {
      return;
    }
    TableHead({"Request", "Requesting state", "Item", "#Needed", "#Pledged", "#Delivered", "#Open gap"});
    for (const AssistanceGapLine& line : *brief_.assistance_gaps) {
      Line(
          "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"number\">{} {}</td><td class=\"number\">{}</td>"
          "<td class=\"number\">{}</td><td class=\"number\"><strong>{}</strong></td></tr>",
          Escaped(line.request_name.empty() ? line.request_id : line.request_name), Escaped(line.requesting_state_name),
          Escaped(line.item), NumberText(line.needed), Escaped(line.unit), NumberText(line.pledged),
          NumberText(line.delivered), NumberText(line.open_gap));
    }
    out_ += "</tbody>\n</table>\n</section>\n";
  }

  void List(std::string_view heading, const std::vector<std::string>& items) {
    if (items.empty()) return;
    Line("<p><strong>{}</strong></p>\n<ul>", heading);
    for (const std::string& item : items) Line("<li>{}</li>", Escaped(item));
    out_ += "</ul>\n";
  }

  void Contributions() {
    out_ += "<section class=\"new-page\">\n<h2>What each state contributed</h2>\n";
    if (brief_.contributions.empty()) out_ += "<p class=\"muted\">No contributions recorded.</p>\n";
    for (const Contribution& contribution : brief_.contributions) {
      Line("<h3>{}</h3>", Escaped(contribution.state.name));
      Line("<p>{} objects authored, {} tasks completed, {} notes, {} task updates.</p>", contribution.authored.size(),
           contribution.tasks_completed.size(), contribution.notes.size(), contribution.task_updates);
      List("Tasks completed", contribution.tasks_completed);
      List("Notes and decisions", contribution.notes);
      List("Authored", contribution.authored);
    }
    out_ += "</section>\n";
  }

  void Footer() {
    if (options_.everything) {
      Line(
          "<footer><p>Rendered for <strong>{}</strong> on {} by Kenes. It shows everything this node holds about "
          "the incident, whatever the sharing rules: pass it on only as far as they allow. Overdue is judged "
          "against {}.</p></footer>",
          Escaped(options_.reader), WhenText(options_.rendered_at), WhenText(brief_.now));
      return;
    }
    Line(
        "<footer><p>Rendered for <strong>{}</strong> on {} by Kenes. This report shows only what {} may see "
        "under the community's sharing rules (TLP and distribution); other organisations may see more or less. "
        "Overdue is judged against {}.</p></footer>",
        Escaped(options_.reader), WhenText(options_.rendered_at), Escaped(options_.reader), WhenText(brief_.now));
  }

  const IncidentBrief& brief_;
  const ReportOptions& options_;
  std::string out_;
};

}  // namespace

std::string RenderIncidentReport(const IncidentBrief& brief, const ReportOptions& options) {
  return ReportWriter(brief, options).Write();
}

}  // namespace kenes::respond
