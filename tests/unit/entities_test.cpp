// Entity extraction within one document: gazetteers in several scripts, name heuristics, and the
// in-document resolution of short forms.
#include "entities.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <thread>

#include "entity_text.hpp"

namespace newsdex {
namespace {

const EntityExtractor& extractor() {
  static const EntityExtractor kExtractor;  // built once: the gazetteers take a moment
  return kExtractor;
}

std::vector<Entity> extract_body(std::string body) {
  Article article;
  article.body = std::move(body);
  return extractor().extract(article);
}

const Entity* find(const std::vector<Entity>& entities, EntityType type, std::string_view name) {
  const auto it = std::find_if(entities.begin(), entities.end(),
                               [&](const Entity& e) { return e.type == type && e.name == name; });
  return it == entities.end() ? nullptr : &*it;
}

// Every one of names is found as an entity of that type.
void expect_found(const std::vector<Entity>& entities, EntityType type,
                  std::initializer_list<std::string_view> names) {
  for (std::string_view name : names)
    EXPECT_NE(find(entities, type, name), nullptr) << to_string(type) << " " << name;
}

std::size_t count_type(const std::vector<Entity>& entities, EntityType type) {
  return static_cast<std::size_t>(std::count_if(entities.begin(), entities.end(),
                                                [&](const Entity& e) { return e.type == type; }));
}

TEST(EntitiesTest, CountriesInEveryScriptMapToOneEnglishName) {
  struct Case {
    const char* text;
    const char* place;
  };
  const Case cases[] = {
      {"Делегация прибыла в Пакистан в понедельник.", "Pakistan"},
      {"Президент Азербайджана встретился с послом.", "Azerbaijan"},  // genitive ending
      {"وزیر اعظم پاکستان نے کہا", "Pakistan"},                       // Urdu
      {"قال وزير خارجية باكستان إن", "Pakistan"},                     // Arabic
      {"وصل الوفد إلى أذربيجان أمس", "Azerbaijan"},
      {"Die Regierung in Aserbaidschan", "Azerbaijan"},
      {"Официальный визит в Баку", "Baku"},  // a city, by its Russian name
      {"وفد من إسلام آباد", "Islamabad"},
  };
  for (const Case& c : cases) {
    const auto entities = extract_body(c.text);
    EXPECT_NE(find(entities, EntityType::place, c.place), nullptr) << c.text;
  }
}

TEST(EntitiesTest, DemonymsNameNoPlaceAndNoPerson) {
  // "Azeri officers" is about Azeris, not a mention of Azerbaijan (CoNLL's MISC, not LOC).
  const auto entities = extract_body(
      "Pakistani and Azeri officers met Armenian envoys. The Azerbaijani side agreed.");
  EXPECT_EQ(count_type(entities, EntityType::place), 0u);
  EXPECT_EQ(count_type(entities, EntityType::person), 0u);
}

TEST(EntitiesTest, StateAbbreviationsNameTheStateAndTheTownBeforeThem) {
  const auto entities = extract_body(
      "The council of Murphysboro, Ill., voted on Tuesday. Residents of Decatur, Ga., and "
      "Albany, N.Y., were asked too. Ill. health kept the mayor away.");
  EXPECT_NE(find(entities, EntityType::place, "Illinois"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "Georgia"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "New York"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "Murphysboro"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "Decatur"), nullptr);
  const Entity* illinois = find(entities, EntityType::place, "Illinois");
  ASSERT_NE(illinois, nullptr);
  EXPECT_EQ(illinois->count(), 1u);  // "Ill. health" is not the state
}

TEST(EntitiesTest, SmallTownsNeedAPlaceContext) {
  // Evanston (about 75,000 people) is a town in the gazetteer: a place after "in", a surname
  // elsewhere.
  const auto in_town = extract_body("The meeting was held in Evanston last week.");
  EXPECT_NE(find(in_town, EntityType::place, "Evanston"), nullptr);
  const auto alone = extract_body("The report said Evanston had resigned.");
  EXPECT_EQ(find(alone, EntityType::place, "Evanston"), nullptr);
}

TEST(EntitiesTest, ACityNamedByAWordIsAPlaceOnlyAfterAPreposition) {
  const auto in_city = extract_body("The shipyard in Mobile hired 300 workers near Reading.");
  EXPECT_NE(find(in_city, EntityType::place, "Mobile"), nullptr);
  EXPECT_NE(find(in_city, EntityType::place, "Reading"), nullptr);
  const auto words = extract_body("Reading the report, he said Mobile Banking was growing.");
  EXPECT_EQ(count_type(words, EntityType::place), 0u);
}

TEST(EntitiesTest, AGivenNameBeforeAPlaceMakesItASurname) {
  const auto entities = extract_body("The statue of George Washington stands in Washington, D.C.");
  EXPECT_NE(find(entities, EntityType::person, "George Washington"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "Washington, D.C."), nullptr);
  EXPECT_EQ(count_type(entities, EntityType::place), 1u);
}

TEST(EntitiesTest, AGivenNameThatIsAlsoAPlaceStartsAName) {
  const auto entities =
      extract_body("Attorney General Stanley Vorbeck of Ohio spoke. Later we flew to Stanley.");
  EXPECT_NE(find(entities, EntityType::person, "Stanley Vorbeck"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "Ohio"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "Stanley"), nullptr);
  EXPECT_EQ(find(entities, EntityType::place, "Stanley")->count(), 1u);
}

TEST(EntitiesTest, AGivenNameThatIsAlsoAWordNeedsANameAfterIt) {
  const auto named = extract_body("The plan came from Frank Vorbeck and Bill Tessaro yesterday.");
  EXPECT_NE(find(named, EntityType::person, "Frank Vorbeck"), nullptr);
  EXPECT_NE(find(named, EntityType::person, "Bill Tessaro"), nullptr);
  const auto words = extract_body("Frank talks followed. The Bill passed the Senate.");
  EXPECT_EQ(count_type(words, EntityType::person), 0u);
}

TEST(EntitiesTest, AWordOnlyNamesUseIsAPersonInsideASentence) {
  const auto entities = extract_body(
      "The treaty was signed after talks with Kowalski and Lindqvist. Later they dined at the "
      "Bianchi. Kowalski left.");
  EXPECT_NE(find(entities, EntityType::person, "Kowalski"), nullptr);
  EXPECT_NE(find(entities, EntityType::person, "Lindqvist"), nullptr);
  EXPECT_EQ(count_type(entities, EntityType::person), 2u) << "not after an article";
}

TEST(EntitiesTest, WordNetNamesFamousPeopleOrganisationsAndPlaces) {
  const auto entities = extract_body(
      "The quartet played Haydn while the Gestapo files were read, and Greenpeace sailed for the "
      "Finger Lakes. The Allies landed in the Keystone State.");
  expect_found(entities, EntityType::person, {"Haydn"});
  expect_found(entities, EntityType::org, {"Gestapo", "Greenpeace"});
  // "Keystone State" is a WordNet alias: it takes the name the other tables give.
  expect_found(entities, EntityType::place, {"Finger Lakes", "Pennsylvania"});
  EXPECT_EQ(find(entities, EntityType::org, "Allies"), nullptr) << "also an English word";
}

TEST(EntitiesTest, AnOrganisationTheGazetteerNamesIsNoShortFormOfALongerOne) {
  const auto entities = extract_body(
      "The Velmora Planning Commission met. The Commission voted. Later the Congress of Industrial "
      "Organizations wrote to Congress.");
  EXPECT_EQ(find(entities, EntityType::org, "Commission"), nullptr) << "a short form";
  EXPECT_NE(find(entities, EntityType::org, "Congress"), nullptr);
  EXPECT_NE(find(entities, EntityType::org, "Congress of Industrial Organizations"), nullptr);
}

TEST(EntitiesTest, SaintMountAndFortAreWrittenInFullOrCutShort) {
  const Gazetteer& gazetteer = extractor().gazetteer();
  ASSERT_NE(gazetteer.find("St. Paul"), nullptr);
  EXPECT_EQ(gazetteer.find("St. Paul")->name, "Saint Paul");
  ASSERT_NE(gazetteer.find("Saint Louis"), nullptr);
  EXPECT_EQ(gazetteer.find("Saint Louis")->name, "St. Louis");
  const auto entities = extract_body(
      "He flew from St. Paul to St. Louis, stayed in Mt. Vernon and drove on to Ft. Worth.");
  expect_found(entities, EntityType::place,
               {"Saint Paul", "St. Louis", "Mount Vernon", "Fort Worth"});
}

TEST(EntitiesTest, AnOrganisationsInitialsWithStopsOrWithoutAreOneKey) {
  EXPECT_EQ(entity_text::org_key("the F.B.I."), entity_text::org_key("FBI"));
  EXPECT_EQ(entity_text::org_key("J. P. Velmora & Co."), entity_text::org_key("JP Velmora & Co."));
  EXPECT_NE(entity_text::org_key("J. Velmora Trust"), entity_text::org_key("JVelmora Trust"))
      << "one initial is no acronym";
}

TEST(EntitiesTest, ACompassWordBeforeAPlaceIsPartOfItsName) {
  const auto entities = extract_body(
      "Trade between West Berlin and Southern California grew, and the South voted. "
      "The West Coast was quiet.");
  EXPECT_NE(find(entities, EntityType::place, "West Berlin"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "Southern California"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "South"), nullptr);
  EXPECT_EQ(find(entities, EntityType::place, "Berlin"), nullptr);
  EXPECT_EQ(find(entities, EntityType::place, "California"), nullptr);
  EXPECT_EQ(find(entities, EntityType::place, "West"), nullptr)
      << "the West Coast is a longer name";
}

TEST(EntitiesTest, OceansRegionsAndStatesOfThePastArePlaces) {
  const auto entities = extract_body(
      "Ships crossed the Atlantic to Yugoslavia and sailed up the Nile. The Southern Pacific "
      "railroad was sold.");
  EXPECT_NE(find(entities, EntityType::place, "Atlantic Ocean"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "Yugoslavia"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "Nile"), nullptr);
  EXPECT_EQ(find(entities, EntityType::place, "Southern Pacific Ocean"), nullptr)
      << "a compass word joins a place named by its own name only";
}

TEST(EntitiesTest, AnInstitutionAfterTheIsAnOrganisation) {
  const auto entities = extract_body(
      "The bill passed the House and the Cabinet agreed. The House of Commons and the Army "
      "Corps of Engineers waited.");
  EXPECT_NE(find(entities, EntityType::org, "House"), nullptr);
  EXPECT_NE(find(entities, EntityType::org, "Cabinet"), nullptr);
  EXPECT_EQ(find(entities, EntityType::org, "Army"), nullptr) << "part of a longer name";
  EXPECT_EQ(find(entities, EntityType::org, "House")->count(), 1u)
      << "the House of Commons is a longer name";
}

TEST(EntitiesTest, RoleTitlesAreCutFromNamesAndCountiesArePlaces) {
  const auto entities = extract_body(
      "Sheriff Mara Holt told the Pike County Grand Jury that deputies searched farms in Lowry "
      "County and in Orleans Parish. Patrolman Ned Osgood agreed.");
  EXPECT_NE(find(entities, EntityType::person, "Mara Holt"), nullptr);
  EXPECT_NE(find(entities, EntityType::person, "Ned Osgood"), nullptr);
  EXPECT_NE(find(entities, EntityType::org, "Pike County Grand Jury"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "Lowry County"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "Orleans Parish"), nullptr);
  EXPECT_EQ(count_type(entities, EntityType::person), 2u);
}

TEST(EntitiesTest, AnOwnerIsAPersonUnlessTheGazetteerKnowsBetter) {
  const auto entities = extract_body(
      "Officials studied Varnik's proposal. Later they read Pakistan's reply and Mother's note.");
  EXPECT_NE(find(entities, EntityType::person, "Varnik"), nullptr);
  EXPECT_NE(find(entities, EntityType::place, "Pakistan"), nullptr);
  EXPECT_EQ(count_type(entities, EntityType::person), 1u);
}

TEST(EntitiesTest, PeopleInCyrillicText) {
  const auto entities = extract_body(
      "Министр иностранных дел Сергей Лавров открыл заседание. Делегацию возглавил Рашад "
      "Гусейнов. «И. Алиев считает, что данные нужны всем», — сказал Гусейнов. Каспийское море "
      "мелеет.");
  const Entity* guseynov = find(entities, EntityType::person, "Рашад Гусейнов");
  ASSERT_NE(guseynov, nullptr);
  EXPECT_EQ(guseynov->count(), 2u);  // "сказал Гусейнов" joins the full name
  EXPECT_NE(find(entities, EntityType::person, "Сергей Лавров"), nullptr);
  EXPECT_NE(find(entities, EntityType::person, "И. Алиев"), nullptr);
  EXPECT_EQ(count_type(entities, EntityType::person), 3u);  // "Каспийское" is no name
}

TEST(EntitiesTest, PeopleInChineseTextAfterARole) {
  const auto entities = extract_body(
      "经济学院教授张明远认为，运力是瓶颈。联合国秘书长古特雷斯此前多次呼吁合作。"
      "总统伊利哈姆·阿利耶夫表示欢迎。上海的企业在增加。");
  EXPECT_NE(find(entities, EntityType::person, "张明远"), nullptr);
  EXPECT_NE(find(entities, EntityType::person, "古特雷斯"), nullptr);
  EXPECT_NE(find(entities, EntityType::person, "伊利哈姆·阿利耶夫"), nullptr);
  EXPECT_EQ(count_type(entities, EntityType::person), 3u);
}

TEST(EntitiesTest, ShortFormsResolveToTheFullNameOfTheDocument) {
  const auto entities = extract_body(
      "President Ilham Aliyev met the delegation. Later, Aliyev said the talks went well. "
      "I. Aliyev also thanked Mr. Khan. Prime Minister Imran Khan replied.");
  const Entity* aliyev = find(entities, EntityType::person, "Ilham Aliyev");
  ASSERT_NE(aliyev, nullptr);
  EXPECT_EQ(aliyev->count(), 3u);
  const auto surfaces = aliyev->surfaces();
  EXPECT_NE(std::find(surfaces.begin(), surfaces.end(), "I. Aliyev"), surfaces.end());
  const Entity* khan = find(entities, EntityType::person, "Imran Khan");
  ASSERT_NE(khan, nullptr);
  EXPECT_EQ(khan->count(), 2u);
  EXPECT_EQ(count_type(entities, EntityType::person), 2u);
}

TEST(EntitiesTest, PeopleSharingASurnameStayApart) {
  const auto entities = extract_body(
      "President Ilham Aliyev spoke first. Deputy Economy Minister Elnur Aliyev spoke next. "
      "Ambassador Ali Alizada listened to Dr. Nazrin Alizada.");
  for (const char* name : {"Ilham Aliyev", "Elnur Aliyev", "Ali Alizada", "Nazrin Alizada"}) {
    EXPECT_NE(find(entities, EntityType::person, name), nullptr) << name;
  }
  EXPECT_EQ(count_type(entities, EntityType::person), 4u);
}

TEST(EntitiesTest, CommonCapitalisedWordsAreNotPeople) {
  const auto entities = extract_body(
      "Viewers, this is a war. Friends, I will tell you. In March, on Monday, the Pakistan Army "
      "said so.");
  EXPECT_EQ(count_type(entities, EntityType::person), 0u);
  EXPECT_NE(find(entities, EntityType::org, "Pakistan Army"), nullptr);
}

TEST(EntitiesTest, OrganisationsFromGazetteerPatternsAndDefinedAcronyms) {
  const auto entities = extract_body(
      "The United Nations Security Council (UNSC) met. Later the UNSC voted. NATO and the OSCE "
      "Minsk "
      "Group agreed. The Pakistan-Azerbaijan Chamber of Economic Cooperation (PAKAZCHAM) opened; "
      "PAKAZCHAM will help. She studied at Baku State University and the Ministry of Defence of "
      "Pakistan.");
  const Entity* unsc = find(entities, EntityType::org, "UN Security Council");
  ASSERT_NE(unsc, nullptr);
  EXPECT_EQ(unsc->count(), 3u);  // the full name, "(UNSC)" and "UNSC"
  EXPECT_NE(find(entities, EntityType::org, "NATO"), nullptr);
  EXPECT_NE(find(entities, EntityType::org, "OSCE Minsk Group"), nullptr);
  const Entity* chamber =
      find(entities, EntityType::org, "Pakistan-Azerbaijan Chamber of Economic Cooperation");
  ASSERT_NE(chamber, nullptr);
  EXPECT_EQ(chamber->count(), 3u);
  EXPECT_NE(find(entities, EntityType::org, "Baku State University"), nullptr);
  EXPECT_NE(find(entities, EntityType::org, "Ministry of Defence of Pakistan"), nullptr);
}

TEST(EntitiesTest, AcronymsMatchOnlyInCapitals) {
  const auto entities = extract_body("Who said that? The WHO said so, and us too.");
  const Entity* who = find(entities, EntityType::org, "World Health Organization");
  ASSERT_NE(who, nullptr);
  EXPECT_EQ(who->count(), 1u);
  EXPECT_EQ(find(entities, EntityType::place, "United States"), nullptr);
}

TEST(EntitiesTest, NoEmptyMentionsAfterAMediaCueBeforeAFunctionWord) {
  // Regression: "daily The" once produced a zero-length organisation repeated at every token.
  const auto entities =
      extract_body("He reads the daily The Moon Herald. In Lahore, the channel A News aired it.");
  for (const Entity& e : entities) {
    for (const Mention& m : e.mentions) EXPECT_FALSE(m.surface.empty()) << e.name;
  }
  EXPECT_NE(find(entities, EntityType::place, "Lahore"), nullptr);
}

TEST(EntitiesTest, BylineAndTitleAreReadWithOffsetsPerField) {
  Article article;
  article.title = "Baku talks";
  article.byline = "Rick Rozoff";
  article.body = "Talks in Baku continued.";
  const auto entities = extractor().extract(article);
  const Entity* baku = find(entities, EntityType::place, "Baku");
  ASSERT_NE(baku, nullptr);
  ASSERT_EQ(baku->count(), 2u);
  EXPECT_EQ(baku->mentions[0].field, Field::title);
  EXPECT_EQ(baku->mentions[0].offset, 0u);
  EXPECT_EQ(baku->mentions[1].field, Field::body);
  EXPECT_EQ(baku->mentions[1].offset, article.body.find("Baku"));
  const Entity* rick = find(entities, EntityType::person, "Rick Rozoff");
  ASSERT_NE(rick, nullptr);
  EXPECT_EQ(rick->mentions[0].field, Field::byline);
}

TEST(EntitiesTest, LookalikeLettersMergeWithTheLatinSpelling) {
  // "Аliyev" and "Pаkistan" carry a Cyrillic а: entity keys fold look-alikes as search does.
  const auto entities = extract_body(
      "President Ilham Aliyev arrived. Later, Ilham \u0410liyev spoke of P\u0430kistan and "
      "Pakistan.");
  const Entity* aliyev = find(entities, EntityType::person, "Ilham Aliyev");
  ASSERT_NE(aliyev, nullptr);
  EXPECT_EQ(aliyev->count(), 2u);
  EXPECT_EQ(count_type(entities, EntityType::person), 1u);
  const Entity* pakistan = find(entities, EntityType::place, "Pakistan");
  ASSERT_NE(pakistan, nullptr);
  EXPECT_EQ(pakistan->count(), 2u);
}

TEST(EntitiesTest, ArabicScriptVowelMarksAreOptionalInNames) {
  // Urdu writes the izafat kasra or leaves it out: "اقوامِ متحدہ" is "اقوام متحدہ".
  for (const char* text : {"اقوامِ متحدہ نے کہا", "اقوام متحدہ نے کہا"}) {
    EXPECT_NE(find(extract_body(text), EntityType::org, "United Nations"), nullptr) << text;
  }
}

TEST(EntitiesTest, ExtractIsSafeFromManyThreads) {
  // extract() is const over immutable gazetteers: the same input gives the same output anywhere.
  const std::string text = "President Ilham Aliyev visited Islamabad and met Imran Khan.";
  const auto expected = extract_body(text).size();
  std::vector<std::size_t> sizes(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    threads.emplace_back([&, i] { sizes[i] = extract_body(text).size(); });
  }
  for (auto& t : threads) t.join();
  for (std::size_t s : sizes) EXPECT_EQ(s, expected);
  EXPECT_GE(expected, 3u);
}

}  // namespace
}  // namespace newsdex
