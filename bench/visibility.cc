// bench_visibility: what the access decision costs a reader, listing a whole
// store page by page through the filtered path and the unfiltered one.
//
//   bench_visibility [--count N] [--page N] [--dir PATH]
//
// Stores N demo objects (kenes_demo's generator, about 500 bytes each) with
// mixed access labels: ten authors (five members, five partners), the TLP
// level each object's own marking gives, and a distribution drawn per object
// among organisation, members, community and three sharing groups (TLP:RED
// only with organisation or a group, as CheckLabel demands). Then, in the
// same run, lists every stored version in pages of --page through
// store::Store::List, once as a member organisation (share::StoreViewer:
// the SQL filter of the access policy) and once without a viewer (admin,
// export), each twice, keeping the faster pass. Prints versions returned per
// second, versions covered (stored, visible or not) per second, and the
// filtered/unfiltered ratios. Storing is not timed.
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "demo/demo_generator.h"
#include "share/access_policy.h"
#include "stix/reader.h"
#include "store/sqlite/sqlite_store.h"

namespace kenes::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Settings {
  size_t count = 1'000'000;
  size_t page = 1000;
  std::string directory;
};

// Reads "--flag value" pairs into `settings`; false on anything else.
bool ParseArguments(int argc, char** argv, Settings& settings) {
  const std::pair<std::string_view, size_t*> numbers[] = {{"--count", &settings.count}, {"--page", &settings.page}};
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--dir") {
      settings.directory = value;
      continue;
    }
    auto number = std::find_if(std::begin(numbers), std::end(numbers), [&](const auto& n) { return n.first == flag; });
    if (number == std::end(numbers) || value.find_first_not_of("0123456789") != std::string::npos) return false;
    *number->second = std::stoull(value);
  }
  return argc % 2 == 1 && settings.count > 0 && settings.page > 0;
}

std::string Organisation(size_t index) { return fmt::format("identity--00000000-0000-4000-8000-{:012d}", index); }
constexpr size_t kOrganisations = 10;  // 0-4 members, 5-9 partners
const std::vector<std::string> kGroups = {"group-a", "group-b", "group-c"};

// The label of the index-th object: spread evenly over authors and distributions.
share::Label MixedLabel(const stix::Object& object, size_t index) {
  share::Label label;
  label.author = Organisation(index % kOrganisations);
  label.tlp = share::StrictestTlp(object.object_marking_refs).value_or(share::Tlp::kGreen);
  switch (index / kOrganisations % 6) {
    case 0: label.distribution = {share::DistributionKind::kOrganisation, ""}; break;
    case 1: label.distribution = {share::DistributionKind::kMembers, ""}; break;
    case 2: label.distribution = {share::DistributionKind::kCommunity, ""}; break;
    default: label.distribution = {share::DistributionKind::kGroup, kGroups[index / kOrganisations % 3]}; break;
  }
  if (!share::CheckLabel(label).ok()) label.distribution = {share::DistributionKind::kOrganisation, ""};
  return label;
}

// Generates, labels and stores `settings.count` objects in batches.
void Fill(store::Store& store, const Settings& settings) {
  demo::DemoOptions options;
  options.seed = 7;
  options.object_count = settings.count;
  demo::DemoGenerator generator(options);
  simdjson::dom::parser parser;
  std::vector<std::string> texts;
  std::vector<stix::Object> objects;
  std::vector<store::AccessLabel> labels;
  size_t index = 0;
  for (bool more = true; more;) {
    texts.clear();
    objects.clear();
    labels.clear();
    for (std::string text; texts.size() < 5000 && (more = generator.Next(text));) texts.push_back(std::move(text));
    for (const std::string& text : texts) {
      simdjson::dom::element element;
      if (parser.parse(text).get(element) != simdjson::SUCCESS) continue;
      Result<stix::Object> object = stix::ObjectFromJson(element, text);
      if (!object.ok()) continue;
      labels.push_back(share::ToStoreLabel(MixedLabel(*object, index++)));
      objects.push_back(std::move(object).value());
    }
    Result<std::vector<store::WriteResult>> results = store.Put(objects, labels);
    if (!results.ok()) {
      std::fprintf(stderr, "put: %s\n", results.status().ToString().c_str());
      std::exit(1);
    }
  }
}

struct Pass {
  size_t versions = 0;
  double seconds = 0;
};

// Lists every version `viewer` may see, page by page.
Pass ListEverything(store::Store& store, const std::optional<store::Viewer>& viewer, size_t page_size) {
  store::ListQuery query;
  query.viewer = viewer;
  query.limit = page_size;
  Pass pass;
  const Clock::time_point start = Clock::now();
  for (;;) {
    Result<store::Page> page = store.List(query);
    if (!page.ok()) {
      std::fprintf(stderr, "list: %s\n", page.status().ToString().c_str());
      std::exit(1);
    }
    pass.versions += page->versions.size();
    if (!page->more) break;
    query.cursor = page->cursor;
  }
  pass.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return pass;
}

// The faster of two passes, alternating with the other path's so both see the same cache.
Pass Faster(const Pass& a, const Pass& b) { return a.seconds <= b.seconds ? a : b; }

int Run(int argc, char** argv) {
  Settings settings;
  if (!ParseArguments(argc, argv, settings)) {
    std::fprintf(stderr, "usage: bench_visibility [--count N] [--page N] [--dir PATH]\n");
    return 2;
  }
  const bool own_directory = settings.directory.empty();
  const std::filesystem::path directory =
      own_directory ? std::filesystem::temp_directory_path() / fmt::format("kenes-visibility-{}", getpid())
                    : std::filesystem::path(settings.directory);
  std::filesystem::create_directories(directory);
  Result<std::unique_ptr<store::Store>> store = store::OpenSqliteStore(directory / "store.db");
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  fmt::print("{} objects, pages of {}, in {}\n", settings.count, settings.page, directory.string());
  Fill(**store, settings);
  const int64_t stored = (*store)->Count()->versions;

  // A member organisation in one of the three groups, with no parent.
  share::ViewerFacts member{Organisation(1), {true, false, {kGroups[1]}}, std::nullopt};
  const std::optional<store::Viewer> viewer = share::StoreViewer(member);
  Pass filtered_first = ListEverything(**store, viewer, settings.page);
  Pass unfiltered_first = ListEverything(**store, std::nullopt, settings.page);
  const Pass filtered = Faster(filtered_first, ListEverything(**store, viewer, settings.page));
  const Pass unfiltered = Faster(unfiltered_first, ListEverything(**store, std::nullopt, settings.page));

  const double stored_count = static_cast<double>(stored);
  fmt::print("stored versions: {}; the member may see {} ({:.0f}%)\n", stored, filtered.versions,
             100.0 * static_cast<double>(filtered.versions) / stored_count);
  fmt::print("(a) unfiltered list: {:>10.0f} versions/s returned  ({:.2f} s)\n",
             static_cast<double>(unfiltered.versions) / unfiltered.seconds, unfiltered.seconds);
  fmt::print("(b) filtered list:   {:>10.0f} versions/s returned, {:>10.0f} versions/s covered  ({:.2f} s)\n",
             static_cast<double>(filtered.versions) / filtered.seconds, stored_count / filtered.seconds,
             filtered.seconds);
  fmt::print("    ratio (b)/(a): {:.2f} returned, {:.2f} covered (target: at least 0.7)\n",
             (static_cast<double>(filtered.versions) / filtered.seconds) /
                 (static_cast<double>(unfiltered.versions) / unfiltered.seconds),
             unfiltered.seconds / filtered.seconds);
  store->reset();
  if (own_directory) std::filesystem::remove_all(directory);
  return 0;
}

}  // namespace
}  // namespace kenes::bench

int main(int argc, char** argv) { return kenes::bench::Run(argc, argv); }
