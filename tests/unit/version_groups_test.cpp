// Version groups: a rewrite joins its original's group, unrelated stories stay apart, and groups
// survive the deletion of their first member and let an updated member go.
#include "version_groups.hpp"

#include <gtest/gtest.h>

#include "invented_words.hpp"
#include "schema.hpp"

namespace newsdex::versions {
namespace {

std::vector<std::string> story(unsigned seed, std::size_t length = 300) {
  return testing::invented_words(seed, length);
}

// `story` with `changed` words from `at` replaced: a rewritten passage.
std::vector<std::string> rewrite(std::vector<std::string> words, std::size_t at,
                                 std::size_t changed, unsigned seed) {
  const auto other = story(seed, changed);
  std::ranges::copy(other, words.begin() + static_cast<long>(at));
  return words;
}

class VersionGroups : public ::testing::Test {
 protected:
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  VersionsConfig config;

  Assignment add(const std::string& id, const std::vector<std::string>& words) {
    Xapian::Document doc;
    doc.add_boolean_term(schema::id_term(id));
    const auto sig = signature({words.begin(), words.end()});
    EXPECT_TRUE(sig);
    auto assignment = assign_group(db, doc, id, *sig, config);
    db.add_document(doc);
    return assignment;
  }
  void remove(const std::string& id) { db.delete_document(schema::id_term(id)); }
  std::string group_of_id(const std::string& id) {
    const auto term = schema::id_term(id);
    return group_of(db.get_document(*db.postlist_begin(term)));
  }
  Xapian::doccount members(const std::string& group) { return db.get_termfreq(group_term(group)); }
};

TEST_F(VersionGroups, RewriteJoinsItsOriginalAndUnrelatedStaysApart) {
  const auto original = story(1);
  const auto first = add("wire/harbour.txt", original);
  EXPECT_FALSE(first.joined);
  EXPECT_EQ(first.group.size(), 16u);
  const auto second = add("wire/harbour-update.txt", rewrite(original, 120, 25, 9));
  EXPECT_TRUE(second.joined);
  EXPECT_GE(second.similarity, config.threshold);
  EXPECT_EQ(second.group, first.group);
  const auto third = add("wire/election.txt", story(2));
  EXPECT_FALSE(third.joined);
  EXPECT_NE(third.group, first.group);
  EXPECT_EQ(members(first.group), 2u);
  EXPECT_EQ(members(third.group), 1u);
}

TEST_F(VersionGroups, ThresholdDecides) {
  const auto original = story(3);
  const auto group = add("a.txt", original).group;
  // Half the body rewritten (true similarity 0.33): below the default threshold.
  EXPECT_NE(add("b.txt", rewrite(original, 0, 150, 7)).group, group);
  config.threshold = 1.0;
  // One word changed (true similarity 0.97) is not enough for "identical only"; a copy is.
  EXPECT_NE(add("c.txt", rewrite(original, 200, 1, 8)).group, group);
  EXPECT_EQ(add("d.txt", original).group, group);
}

TEST_F(VersionGroups, DeletingTheFirstMemberKeepsTheOthersGrouped) {
  const auto original = story(4);
  const auto group = add("first.txt", original).group;
  add("second.txt", rewrite(original, 10, 20, 11));
  add("third.txt", rewrite(original, 250, 20, 12));
  remove("first.txt");
  EXPECT_EQ(group_of_id("second.txt"), group);
  EXPECT_EQ(group_of_id("third.txt"), group);
  // A fourth version still finds the group through the remaining members.
  EXPECT_EQ(add("fourth.txt", rewrite(original, 150, 15, 13)).group, group);
  EXPECT_EQ(members(group), 3u);
}

// The writer replaces an updated file: its old document goes, the new one is grouped afresh.
TEST_F(VersionGroups, AnUpdatedMemberLeavesItsGroup) {
  const auto original = story(5);
  const auto group = add("founder.txt", original).group;
  add("copy.txt", rewrite(original, 40, 20, 14));
  remove("founder.txt");
  const auto updated = add("founder.txt", story(6));  // now a different story
  EXPECT_FALSE(updated.joined);
  EXPECT_NE(updated.group, group);  // never the old group id, although the id is the founder's
  EXPECT_EQ(group_of_id("copy.txt"), group);
  EXPECT_EQ(members(group), 1u);
}

TEST_F(VersionGroups, TheSameContentGetsTheSameGroupWhateverTheOrderOfIds) {
  const auto original = story(7);
  const auto a = add("x.txt", original);
  remove("x.txt");
  const auto b = add("x.txt", original);
  EXPECT_EQ(a.group, b.group);  // deterministic: the id and the signature make a new group's id
}

TEST_F(VersionGroups, CandidatesAreCapped) {
  config.max_candidates = 1;
  const auto original = story(8);
  const auto group = add("a.txt", original).group;
  for (int i = 0; i < 4; ++i) add("copy" + std::to_string(i) + ".txt", original);
  const auto next = add("next.txt", original);
  EXPECT_EQ(next.compared, 1u);
  EXPECT_EQ(next.group, group);
}

}  // namespace
}  // namespace newsdex::versions
