// Wire-story version groups: at index time a new document joins the group of the most similar
// document already in the index (estimated Jaccard similarity of body shingles at or above the
// threshold), or founds a group of its own. The group id is a value (searchd collapses on it) and
// a term (the members are listed with one posting list).
//
// Ids are hashes of the founding member's id and signature, never a document id: members keep the
// id when the founder is deleted or renamed, and an updated founder that no longer resembles them
// founds a new group instead of taking the old one with it.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "config.hpp"
#include "version_signature.hpp"

namespace newsdex::versions {

// What assign_group found.
struct Assignment {
  std::string group;
  double similarity = 0;     // to the closest member; 0 for a new group
  bool joined = false;       // false: founded a new group
  std::size_t compared = 0;  // candidates whose signatures were compared
};

// Adds the band terms, the signature and the group (slot and term) to doc, which is about to be
// added to db with the given document id. Candidates come from db's band postings (uncommitted
// documents of the writer's transaction included), at most config.max_candidates of them, the
// ones sharing the most bands first. Deterministic for a given index content.
Assignment assign_group(const Xapian::Database& db, Xapian::Document& doc, std::string_view id,
                        const Signature& sig, const VersionsConfig& config);

// The group id stored in a document, "" for one never grouped.
std::string group_of(const Xapian::Document& doc);

// The term listing a group's members.
std::string group_term(std::string_view group);

}  // namespace newsdex::versions
