// The index schema, in one place: term prefixes, value slots, document-data keys and metadata keys.
// Prefixes follow Xapian Omega's conventions (xapian-omega docs/termprefixes.rst) so that standard
// Xapian tools (xapian-delve, quest) can read a newsdex index; ours start with X as Omega asks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsdex::schema {

// Bumped whenever terms, values or document data change meaning; stored as kMetaSchemaVersion.
// 2: the language, type and folder facet slots (10-12).
// 3: document data is a stored record (stored_record.hpp: CBOR sections), the body in slot 13.
// 4: wire-story versions: LSH band terms (XMH:), the group term (XVG:), the MinHash signature and
//    the group id in slots 14 and 15. An index of schema 3 is rebuilt by the indexer (IndexWriter::
//    open empties it and reconciliation indexes every file again), so every document gets both.
// 5: the body in slot 13 is LZ4-compressed when that is smaller (stored_record::encode_body),
//    which a server of schema 4 would show as bytes; indexes of schema 4 are rebuilt likewise.
inline constexpr int kSchemaVersion = 6;

// --- Term prefixes -------------------------------------------------------------------------------
inline constexpr std::string_view kPrefixId = "Q";      // unique id: see document_id()
inline constexpr std::string_view kPrefixTitle = "S";   // title words (unstemmed, positional)
inline constexpr std::string_view kPrefixAuthor = "A";  // byline words
inline constexpr std::string_view kPrefixDay = "D";     // YYYYMMDD
inline constexpr std::string_view kPrefixMonth = "M";   // YYYYMM
inline constexpr std::string_view kPrefixYear = "Y";    // YYYY
inline constexpr std::string_view kPrefixLang = "L";    // ISO 639-1 code, e.g. "Lru"
inline constexpr std::string_view kPrefixMime = "T";    // MIME type, e.g. "Ttext/plain"
inline constexpr std::string_view kPrefixExt = "E";     // file extension, lower case, no dot
inline constexpr std::string_view kPrefixStem = "Z";    // stemmed body and title words
inline constexpr std::string_view kPrefixFile =
    "XFILE:";  // source file (several docs per JSON file)
inline constexpr std::string_view kPrefixFolder = "XFOLDER:";  // top-level folder ("desk")
inline constexpr std::string_view kPrefixPerson = "XPERSON:";
inline constexpr std::string_view kPrefixOrg = "XORG:";
inline constexpr std::string_view kPrefixPlace = "XPLACE:";
// Wire-story versions (version_signature.hpp, version_groups.hpp): "XMH:<band>:<hash>", one per
// LSH band of the body's MinHash signature; "XVG:<group>", the version group, to list its members.
inline constexpr std::string_view kPrefixVersionBand = "XMH:";
inline constexpr std::string_view kPrefixVersionGroup = "XVG:";

// Xapian terms are limited to 245 bytes; longer keys are replaced by a hash (see hashed_key()).
inline constexpr std::size_t kMaxTermBytes = 240;

// Title words are also added unprefixed with this wdf increment, so title matches rank higher.
inline constexpr unsigned kTitleWeight = 5;

// --- Value slots ---------------------------------------------------------------------------------
inline constexpr unsigned kSlotDate = 0;  // publication date "YYYYMMDD" (sorts as a string)
// When the file was read: "SECONDS.NNNNNNNNN" since the epoch (indexed_at_value()); indexes of
// before 2026-12 hold whole seconds, which sort and parse as the same number of seconds.
inline constexpr unsigned kSlotIndexedAt = 1;
inline constexpr unsigned kSlotMtime = 2;       // file mtime, nanoseconds since the epoch, decimal
inline constexpr unsigned kSlotSize = 3;        // file size in bytes, decimal
inline constexpr unsigned kSlotSha256 = 4;      // lower-case hex SHA-256 of the file's bytes
inline constexpr unsigned kSlotSourcePath = 5;  // source file path relative to the documents dir
inline constexpr unsigned kSlotPersons = 6;     // entity facets: canonical names, '\n'-separated
inline constexpr unsigned kSlotOrgs = 7;
inline constexpr unsigned kSlotPlaces = 8;
// Byte offset in the body of every body word (word_offsets.hpp encodes it), so a snippet is cut
// straight from the stored body using the positions of the matched terms.
inline constexpr unsigned kSlotWordOffsets = 9;
// Facets counted from values (never from term lists, and serialisable for remote shards):
inline constexpr unsigned kSlotLangs = 10;   // every language of the document, '\n'-separated
inline constexpr unsigned kSlotType = 11;    // MIME type
inline constexpr unsigned kSlotFolder = 12;  // top-level folder; unset for the root
// The body text snippets are cut from and /documents shows: a document's data (stored_record.hpp)
// is read whole for every hit, so the body, most of its bytes, lives here instead.
inline constexpr unsigned kSlotBody = 13;
// The body's MinHash signature (version_signature.hpp encode()), to confirm LSH candidates.
inline constexpr unsigned kSlotVersionSignature = 14;
// The version group id (16 hex digits): search collapses on it. Unset for documents too short to
// be grouped, which are then never collapsed.
inline constexpr unsigned kSlotVersionGroup = 15;

// --- Positions -----------------------------------------------------------------------------------
// Body token i has position i + 1. The unprefixed copy of title token j has position
// kTitlePositionGap + body_tokens + j + 1, so phrases never span title and body; S-prefixed title
// terms have positions j + 1.
inline constexpr unsigned kTitlePositionGap = 100;

// --- Document data: the fields of a stored record (stored_record.hpp) ----------------------------
namespace field {
inline constexpr const char* kPath = "path";  // file path relative to the documents dir
inline constexpr const char* kPart = "part";  // index within a JSON array / NDJSON file, or null
inline constexpr const char* kTitle = "title";
inline constexpr const char* kDate = "date";      // "YYYY-MM-DD" or null
inline constexpr const char* kByline = "byline";  // "" when unknown
inline constexpr const char* kLang = "lang";      // ISO 639-1 of the document, "" when unknown
inline constexpr const char* kLangs = "langs";    // every language detected in a span
inline constexpr const char* kType = "type";      // MIME type
inline constexpr const char* kUrl = "url";        // source URL when the document names one
inline constexpr const char* kSize = "size";
inline constexpr const char* kMtime = "mtime";  // nanoseconds since the epoch
inline constexpr const char* kSha256 = "sha256";
inline constexpr const char* kBody = "body";  // the text snippets are cut from
inline constexpr const char* kEntities = "entities";
// Derived by the record itself (stored_record.hpp), never given: the canonical names of
// "entities" per type, in the head section, so a hit shows them without reading the entities
// section or a value slot.
inline constexpr const char* kEntityNames = "entity_names";
}  // namespace field

// --- Index metadata keys -------------------------------------------------------------------------
inline constexpr const char* kMetaSchemaVersion = "newsdex.schema_version";
inline constexpr const char* kMetaLastCommit = "newsdex.last_commit";  // ISO 8601 UTC
inline constexpr const char* kMetaDocsIndexed =
    "newsdex.docs_indexed";                                   // since the indexer started
inline constexpr const char* kMetaErrors = "newsdex.errors";  // files skipped
inline constexpr const char* kMetaIndexerState = "newsdex.indexer_state";  // JSON status object
// + the relative path (hashed when long): a JSON record of a file skipped for its content.
inline constexpr const char* kMetaSkippedPrefix = "newsdex.skipped/";
// The change log (change_log.hpp): the last commit's number, and + the zero-padded number of a
// commit: a JSON record of the documents it changed.
inline constexpr const char* kMetaLastChange = "newsdex.change_commit";
inline constexpr const char* kMetaChangePrefix = "newsdex.changes/";

// kSlotIndexedAt's value for a time in nanoseconds since the epoch, and back. parse_indexed_at
// reads whole seconds too, and says whether the value was exact (carried its nanoseconds).
std::string indexed_at_value(std::int64_t ns);
struct IndexedAt {
  std::int64_t ns = 0;
  bool exact = false;
};
IndexedAt parse_indexed_at(std::string_view value);

// The id of a document: the relative path, plus "#N" for the N-th article of a multi-article file.
std::string document_id(std::string_view relative_path, int part = -1);

// Q + id, or Q + a hash of the id when it would exceed Xapian's term length limit.
std::string id_term(std::string_view id);

// prefix + key, with the key replaced by a hash when too long for a term.
std::string hashed_key(std::string_view prefix, std::string_view key);

// The term that groups every document cut from one source file.
std::string file_term(std::string_view relative_path);

// The E term's value: the extension in lower case without the dot ("a/B.HTML" -> "html").
std::string file_extension(std::string_view relative_path);

// The top-level folder of a relative path ("politics/a.txt" -> "politics"), "" for the root.
std::string top_folder(std::string_view relative_path);

}  // namespace newsdex::schema
