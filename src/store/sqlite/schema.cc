#include "store/sqlite/schema.h"

#include <array>

#include "store/sqlite/migrator.h"

namespace kenes::store::sqlite {
namespace {

// "KENS": marks the file as a Kenes store so we never migrate someone else's database.
constexpr int64_t kApplicationId = 0x4B454E53;

// Step N brings a database from version N-1 to N. Released steps never change:
// a new release appends a step.
constexpr std::array<const char*, kLatestSchemaVersion> kMigrations = {
    // 1: the first release.
    // A row per version. date_added (microseconds since the epoch) is the
    // rowid, so new versions append at the end and listing in date_added
    // order is a scan.
    //
    // Finding the versions of an id needs an index ordered by id, and ids
    // are random: each commit would rewrite nearly one page of such an index
    // per new object once it outgrows a batch. So the id index comes in two
    // levels (a small LSM tree): recent_ids takes each batch's entries and
    // stays small, so a batch touches few of its pages; every so many entries
    // it is merged into ids in one sorted pass (sqlite_store.cc). Entries are
    // integers (id_hash.h), not id text; lookups read both levels and compare
    // the id text, as hashes can collide.
    R"sql(
      CREATE TABLE types(type_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
      CREATE TABLE authors(author_id INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE);
      CREATE TABLE versions(
        date_added INTEGER PRIMARY KEY,
        id_hash INTEGER NOT NULL,
        version_seconds INTEGER,
        version_nanos INTEGER,
        version_digits INTEGER,
        type_id INTEGER NOT NULL,
        author_id INTEGER,
        revoked INTEGER NOT NULL,
        id TEXT NOT NULL,
        spec_version TEXT NOT NULL,
        markings TEXT,
        json TEXT NOT NULL);
      CREATE TABLE recent_ids(id_hash INTEGER, date_added INTEGER, PRIMARY KEY (id_hash, date_added)) WITHOUT ROWID;
      CREATE TABLE ids(id_hash INTEGER, date_added INTEGER, PRIMARY KEY (id_hash, date_added)) WITHOUT ROWID;
      -- Index entries end with the rowid, so each type and author is in date_added order.
      CREATE INDEX versions_by_type ON versions(type_id);
      CREATE INDEX versions_by_author ON versions(author_id) WHERE author_id IS NOT NULL;
    )sql",
    // 2: counters kept per batch, so counting does not scan every version.
    R"sql(
      CREATE TABLE type_counts(
        type_id INTEGER PRIMARY KEY,
        versions INTEGER NOT NULL,
        objects INTEGER NOT NULL);
      INSERT INTO type_counts(type_id, versions, objects)
        SELECT type_id, count(*), count(DISTINCT id) FROM versions GROUP BY type_id;
    )sql",
    // 3: who may see each version (store.h, AccessLabel): the author
    // organisation (an authors row), the audience, the level, and the group
    // (an access_groups row; 0 for none). Versions stored before labels
    // existed are seen by their author only, as an unlabelled Put is.
    R"sql(
      CREATE TABLE access_groups(group_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
      ALTER TABLE versions ADD COLUMN access_author INTEGER;
      ALTER TABLE versions ADD COLUMN access_audience INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE versions ADD COLUMN access_level INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE versions ADD COLUMN access_group INTEGER NOT NULL DEFAULT 0;
      UPDATE versions SET access_author = author_id;
    )sql",
    // 4: deletion. deleted_date_added holds the greatest date_added ever
    // deleted: new versions are stamped after it even when the newest
    // versions are gone, so that cursors handed out before never skip them.
    R"sql(
      CREATE TABLE deleted_date_added(date_added INTEGER NOT NULL);
    )sql",
    // 5: object grants (Store::GrantObject): the organisations (authors
    // rows) that may read every version of an id whatever its labels say.
    // Keyed by grantee first: a read looks up its viewer's grants once.
    R"sql(
      CREATE TABLE object_grants(
        grantee_id INTEGER NOT NULL,
        id_hash INTEGER NOT NULL,
        id TEXT NOT NULL,
        PRIMARY KEY (grantee_id, id_hash, id)) WITHOUT ROWID;
    )sql",
};

// "KENI": the index database beside a store (schema.h).
constexpr int64_t kIndexApplicationId = 0x4B454E49;

constexpr std::array<const char*, kLatestIndexSchemaVersion> kIndexMigrations = {
    // 1: the first release of the index database.
    // The reference index takes, for each version, the IdHash of every id
    // its top-level *_ref and *_refs properties name (indexed_terms.h says
    // which), in two levels like the store's id index and for the same
    // reason: the targets are random. search_texts indexes the name,
    // description and aliases of the versions that have any, by date_added;
    // contentless (no second copy of the text), so a delete hands back the
    // indexed text, which indexed_terms.h derives again from the version's
    // JSON. Merging 8 segments at a time rather than 4 took a third less
    // CPU to index 400,000 texts in batches, and searches stayed as fast.
    // indexed_through: every version up to this date_added is indexed.
    R"sql(
      CREATE TABLE recent_refs(target_hash INTEGER, date_added INTEGER, PRIMARY KEY (target_hash, date_added))
        WITHOUT ROWID;
      CREATE TABLE refs(target_hash INTEGER, date_added INTEGER, PRIMARY KEY (target_hash, date_added)) WITHOUT ROWID;
      CREATE VIRTUAL TABLE search_texts USING fts5(text, content='', columnsize=0,
                                                   tokenize='unicode61 remove_diacritics 2');
      INSERT INTO search_texts (search_texts, rank) VALUES ('automerge', 8);
      CREATE TABLE indexed_through(date_added INTEGER NOT NULL);
      INSERT INTO indexed_through VALUES (0);
    )sql",
};

}  // namespace

Status Migrate(Connection& connection, int target_version) {
  return Migrate(connection, SchemaHistory{kApplicationId, "Kenes store", kMigrations}, target_version);
}

Status MigrateIndex(Connection& connection) {
  return Migrate(connection, SchemaHistory{kIndexApplicationId, "Kenes store index", kIndexMigrations},
                 kLatestIndexSchemaVersion);
}

}  // namespace kenes::store::sqlite
