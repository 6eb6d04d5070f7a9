// Community: opening, the shared audited-change machinery, and organisations.
// Users and keys are in community_users.cc, sharing groups in community_groups.cc.
#include "share/community.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "share/access_label.h"
#include "share/community_schema.h"
#include "share/distribution_marking.h"
#include "share/organisation_identity.h"
#include "share/write_transaction.h"
#include "stix/random_id.h"
#include "stix/reader.h"

namespace kenes::share {
namespace {

using store::sqlite::Connection;
using store::sqlite::Statement;

constexpr const char* kOrganisationColumns = "id, code, name, standing, country, parent_id, created, modified, default_tlp";

Organisation ReadOrganisation(const Statement& row) {
  Organisation organisation;
  organisation.id = row.Text(0);
  organisation.code = row.Text(1);
  organisation.name = row.Text(2);
  organisation.standing = ParseStanding(row.Text(3)).value_or(Standing::kMember);
  organisation.country = row.Text(4);
  organisation.parent = row.Text(5);
  organisation.created = ParseTimestamp(row.Text(6)).value_or(Timestamp{});
  organisation.modified = ParseTimestamp(row.Text(7)).value_or(Timestamp{});
  organisation.default_tlp = ParseTlp(row.Text(8)).value_or(Tlp::kAmber);
  return organisation;
}

// Identities are written with millisecond timestamps, as most STIX producers do.
Timestamp Milliseconds(Timestamp time) {
  time.nanoseconds -= time.nanoseconds % 1'000'000;
  time.fraction_digits = 3;
  return time;
}

Status RequireAdmin(const Principal& actor, std::string_view what) {
  if (actor.role == Role::kAdmin) return Status::Ok();
  return Status::PermissionDenied(fmt::format("only an admin may {}", what));
}

Status CheckIdentityId(std::string_view id) {
  // "identity--" and a 36-character UUID in canonical form.
  bool valid = id.starts_with("identity--") && id.size() == 46;
  for (size_t i = 10; valid && i < id.size(); ++i) {
    char c = id[i];
    bool dash = i == 18 || i == 23 || i == 28 || i == 33;
    valid = dash ? c == '-' : ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
  if (valid) return Status::Ok();
  return Status::InvalidArgument(fmt::format("'{}' is not an identity id (identity--<uuid>, lower case)", id));
}


}  // namespace

Result<std::unique_ptr<Community>> Community::Open(const std::filesystem::path& file, store::Store& store,
                                                   store::Clock& clock) {
  KENES_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection,
                         Connection::Open(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  // Credentials and audit entries must survive power loss once acknowledged.
  KENES_RETURN_IF_ERROR(
      connection->Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"));
  KENES_RETURN_IF_ERROR(MigrateCommunity(*connection));
  return std::unique_ptr<Community>(new Community(std::move(connection), store, clock));
}

Community::Community(std::unique_ptr<Connection> connection, store::Store& store, store::Clock& clock)
    : connection_(std::move(connection)), store_(store), clock_(clock), audit_(*connection_, mutex_, clock) {}

Status Community::Audited(const Principal& actor, std::string_view action, std::string_view target,
                          const std::function<Status(std::string& detail)>& change) {
  AuditEvent event{actor, std::string(action), std::string(target), AuditOutcome::kOk, ""};
  Status status = InWriteTransaction(*connection_, [&] {
    KENES_RETURN_IF_ERROR(change(event.detail));
    return AuditLog::AppendInTransaction(*connection_, clock_.Now(), event);
  });
  if (status.ok()) {
    ++changes_;
    return status;
  }
  // The change was rolled back; the attempt is still worth recording.
  bool refused = status.code() == StatusCode::kPermissionDenied || status.code() == StatusCode::kUnauthenticated;
  event.outcome = refused ? AuditOutcome::kDenied : AuditOutcome::kFailed;
  event.detail = status.message();
  Status audited = InWriteTransaction(*connection_,
                                      [&] { return AuditLog::AppendInTransaction(*connection_, clock_.Now(), event); });
  return audited.ok() ? status : audited;
}

Result<uint64_t> Community::Generation() {
  // data_version moves when another connection commits; this object's own
  // commits are counted in changes_.
  int64_t now = std::chrono::steady_clock::now().time_since_epoch().count();
  int64_t lag = std::chrono::nanoseconds(kOtherProcessLag).count();
  if (!data_version_read_ || now - data_version_read_ns_.load() >= lag) {
    std::lock_guard lock(mutex_);
    KENES_ASSIGN_OR_RETURN(Statement query, connection_->Prepare("PRAGMA data_version"));
    KENES_ASSIGN_OR_RETURN(bool found, query.Step());
    if (!found) return Status::Internal("PRAGMA data_version returned no row");
    data_version_ = static_cast<uint64_t>(query.Int(0));
    data_version_read_ns_ = now;
    data_version_read_ = true;
  }
  return (data_version_.load() << 32) + changes_.load();
}

Result<Organisation> Community::LookupOrganisation(std::string_view code_or_id) {
  KENES_ASSIGN_OR_RETURN(Statement query,
                         connection_->Prepare(fmt::format("SELECT {} FROM organisations WHERE id = ?1 OR code = ?1",
                                                          kOrganisationColumns)));
  query.BindText(1, code_or_id);
  KENES_ASSIGN_OR_RETURN(bool found, query.Step());
  if (!found) return Status::NotFound(fmt::format("no organisation '{}' in the community", code_or_id));
  return ReadOrganisation(query);
}

Status Community::WriteOrganisation(const Organisation& organisation, bool insert) {
  KENES_RETURN_IF_ERROR(CheckOrganisationCode(organisation.code));
  KENES_RETURN_IF_ERROR(CheckCountryCode(organisation.country));
  if (organisation.name.empty()) return Status::InvalidArgument("an organisation needs a name");
  // A parent chain must end: walk it up from the new parent.
  std::string ancestor = organisation.parent;
  for (int depth = 0; !ancestor.empty(); ++depth) {
    if (ancestor == organisation.id || depth > 64) {
      return Status::InvalidArgument(fmt::format("{} cannot sit under {}: the parents would form a cycle",
                                                 organisation.code, organisation.parent));
    }
    KENES_ASSIGN_OR_RETURN(Organisation above, LookupOrganisation(ancestor));
    ancestor = above.parent;
  }
  KENES_ASSIGN_OR_RETURN(
      Statement write,
      connection_->Prepare(
          insert ? fmt::format("INSERT INTO organisations({}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)", kOrganisationColumns)
                 : "UPDATE organisations SET code = ?2, name = ?3, standing = ?4, country = ?5, "
                   "parent_id = ?6, created = ?7, modified = ?8, default_tlp = ?9 WHERE id = ?1"));
  std::string created = FormatTimestamp(organisation.created, 3);
  std::string modified = FormatTimestamp(organisation.modified, 3);
  write.BindText(1, organisation.id);
  write.BindText(2, organisation.code);
  write.BindText(3, organisation.name);
  write.BindText(4, StandingName(organisation.standing));
  write.BindText(5, organisation.country);
  if (organisation.parent.empty()) {
    write.BindNull(6);
  } else {
    write.BindText(6, organisation.parent);
  }
  write.BindText(7, created);
  write.BindText(8, modified);
  write.BindText(9, TlpName(organisation.default_tlp));  // static text: outlives the Step
  return write.Run();
}

Result<Organisation> Community::InsertOrganisation(const OrganisationSpec& spec) {
  Organisation organisation;
  organisation.id = spec.id.empty() ? stix::RandomId("identity") : spec.id;
  KENES_RETURN_IF_ERROR(CheckIdentityId(organisation.id));
  if (LookupOrganisation(spec.code).ok()) {
    return Status::AlreadyExists(fmt::format("the community already has an organisation with code {}", spec.code));
  }
  if (LookupOrganisation(organisation.id).ok()) {
    return Status::AlreadyExists(fmt::format("the community already has organisation {}", organisation.id));
  }
  organisation.code = spec.code;
  organisation.name = spec.name;
  organisation.standing = spec.standing;
  organisation.country = spec.country;
  organisation.default_tlp = spec.default_tlp;
  if (!spec.parent.empty()) {
    KENES_ASSIGN_OR_RETURN(Organisation parent, LookupOrganisation(spec.parent));
    organisation.parent = parent.id;
  }
  organisation.created = organisation.modified = Milliseconds(clock_.Now());
  KENES_RETURN_IF_ERROR(WriteOrganisation(organisation, /*insert=*/true));
  return organisation;
}

Result<size_t> Community::Found(const Principal& actor, const std::vector<OrganisationSpec>& organisations) {
  std::lock_guard lock(mutex_);
  KENES_ASSIGN_OR_RETURN(std::vector<Organisation> existing, AllOrganisations());
  if (actor.role == Role::kAdmin && !existing.empty()) {
    // Nothing changes; writing the identities again repairs a store that lost them.
    KENES_RETURN_IF_ERROR(PutIdentities(existing));
    return size_t{0};
  }
  std::vector<Organisation> added;
  KENES_RETURN_IF_ERROR(Audited(actor, "community.found", "", [&](std::string& detail) -> Status {
    KENES_RETURN_IF_ERROR(RequireAdmin(actor, "found the community"));
    for (const OrganisationSpec& spec : organisations) {
      KENES_ASSIGN_OR_RETURN(Organisation organisation, InsertOrganisation(spec));
      added.push_back(std::move(organisation));
    }
    detail = fmt::format("{} organisations", added.size());
    return PutIdentities(added);
  }));
  return added.size();
}

Status Community::PutPublicObjects(const std::vector<std::string>& texts) {
  simdjson::dom::parser parser;
  std::vector<stix::Object> objects;
  for (const std::string& text : texts) {
    simdjson::dom::element element;
    if (parser.parse(text).get(element) != simdjson::SUCCESS) {
      return Status::Internal("Kenes wrote an identity that is not JSON: " + text);
    }
    KENES_ASSIGN_OR_RETURN(stix::Object object, stix::ObjectFromJson(element, text));
    objects.push_back(std::move(object));
  }
  // What Kenes itself publishes about the community is for the whole community.
  const store::AccessLabel public_label =
      ToStoreLabel({std::string(kKenesIdentityId), Tlp::kClear, {DistributionKind::kCommunity, ""}});
  const std::vector<store::AccessLabel> labels(objects.size(), public_label);
  KENES_ASSIGN_OR_RETURN(std::vector<store::WriteResult> results, store_.Put(objects, labels));
  for (size_t i = 0; i < results.size(); ++i) {
    if (results[i].outcome != store::WriteOutcome::kStored && results[i].outcome != store::WriteOutcome::kDuplicate) {
      return Status::AlreadyExists(fmt::format("the store refused {}: {}", objects[i].id, results[i].message));
    }
  }
  return Status::Ok();
}

Status Community::PutIdentities(const std::vector<Organisation>& organisations) {
  std::vector<std::string> texts = ShippedDistributionObjects();
  texts.push_back(KenesIdentityJson());
  texts.push_back(OrganisationExtensionJson());
  for (const Organisation& organisation : organisations) texts.push_back(OrganisationIdentityJson(organisation));
  return PutPublicObjects(texts);
}

Result<Organisation> Community::AddOrganisation(const Principal& actor, const OrganisationSpec& spec) {
  std::lock_guard lock(mutex_);
  Organisation added;
  KENES_RETURN_IF_ERROR(Audited(actor, "org.add", spec.code, [&](std::string& detail) -> Status {
    KENES_RETURN_IF_ERROR(RequireAdmin(actor, "add organisations"));
    KENES_ASSIGN_OR_RETURN(added, InsertOrganisation(spec));
    detail = added.id;
    return PutIdentities({added});
  }));
  return added;
}

Result<Organisation> Community::ChangeOrganisation(const Principal& actor, std::string_view code_or_id,
                                                   const OrganisationChange& change) {
  std::lock_guard lock(mutex_);
  Organisation changed;
  KENES_RETURN_IF_ERROR(Audited(actor, "org.set", code_or_id, [&](std::string& detail) -> Status {
    KENES_RETURN_IF_ERROR(RequireAdmin(actor, "change organisations"));
    KENES_ASSIGN_OR_RETURN(changed, LookupOrganisation(code_or_id));
    if (change.name) changed.name = *change.name;
    if (change.standing) changed.standing = *change.standing;
    if (change.country) changed.country = *change.country;
    if (change.default_tlp) changed.default_tlp = *change.default_tlp;
    if (change.parent) {
      changed.parent.clear();
      if (!change.parent->empty()) {
        KENES_ASSIGN_OR_RETURN(Organisation parent, LookupOrganisation(*change.parent));
        changed.parent = parent.id;
      }
    }
    // A new version must be newer than the last, even if the clock went back.
    Timestamp now = Milliseconds(clock_.Now());
    if (now <= changed.modified) {
      now = changed.modified;
      now.nanoseconds += 1'000'000;
      if (now.nanoseconds >= 1'000'000'000) {
        now.nanoseconds -= 1'000'000'000;
        ++now.seconds;
      }
    }
    changed.modified = now;
    KENES_RETURN_IF_ERROR(WriteOrganisation(changed, /*insert=*/false));
    detail = fmt::format("{}: {} {} country={} parent={} default_tlp={}", changed.id, changed.name,
                         StandingName(changed.standing), changed.country, changed.parent, TlpName(changed.default_tlp));
    return PutIdentities({changed});
  }));
  return changed;
}

Result<std::vector<Organisation>> Community::AllOrganisations() {
  KENES_ASSIGN_OR_RETURN(Statement query, connection_->Prepare(fmt::format(
                                              "SELECT {} FROM organisations ORDER BY rowid", kOrganisationColumns)));
  std::vector<Organisation> organisations;
  while (true) {
    KENES_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) return organisations;
    organisations.push_back(ReadOrganisation(query));
  }
}

Result<std::vector<Organisation>> Community::Organisations() {
  std::lock_guard lock(mutex_);
  return AllOrganisations();
}

Result<Organisation> Community::FindOrganisation(std::string_view code_or_id) {
  std::lock_guard lock(mutex_);
  return LookupOrganisation(code_or_id);
}

}  // namespace kenes::share
