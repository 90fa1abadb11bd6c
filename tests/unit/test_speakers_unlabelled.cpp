// Unlabelled dialogue of three or more (lib/src/speakers/unlabelled.cpp, features.cpp): the
// turn-taking cues that decide who speaks next. An objection that opens with a connective of
// continuation (ただ、それは…) answers the other person; a question goes back to the one it
// follows only when it follows up what was just said. (A photo of the people between two
// paragraphs, which says nothing of who speaks next, is scored on the speaker test texts
// roundtable-three-unlabelled and talk-three-bakery.)
#define BOOST_TEST_MODULE speakers_unlabelled
#include <boost/test/unit_test.hpp>

#include "speakers/features.hpp"
#include "speakers/model.hpp"

using namespace jatei;
using namespace jatei::speakers;

namespace {

Features features_of(const std::string& paragraph, const std::vector<std::string>& sentences) {
  const SpeakerModel& m = SpeakerModel::builtin();
  RoleWeights rw(m);
  std::vector<std::string_view> sv(sentences.begin(), sentences.end());
  return text_features(paragraph, sv, m, rw);
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_objection_that_opens_with_a_connective_answers_the_other) {
  Features f = features_of("ただ、それは大企業の話ですよね。", {"ただ、それは大企業の話ですよね。"});
  BOOST_TEST(f.objection);
  BOOST_TEST(!f.continuation);
  Features g = features_of("ただ、私の会社では少し違います。", {"ただ、私の会社では少し違います。"});
  BOOST_TEST(g.continuation);  // ただ、 alone goes on with one's own point
  BOOST_TEST(!g.objection);
}

BOOST_AUTO_TEST_CASE(a_question_follows_up_or_opens_a_topic) {
  // Acknowledging what was said, then asking: a follow-up.
  BOOST_TEST(features_of("思ったより多いですね。理由は分かりましたか。", {"思ったより多いですね。", "理由は分かりましたか。"})
                 .follow_up);
  // Pointing back at it ([follow-up]).
  BOOST_TEST(features_of("それはなぜですか。", {"それはなぜですか。"}).follow_up);
  BOOST_TEST(features_of("具体的にはどんな例がありますか。", {"具体的にはどんな例がありますか。"}).follow_up);
  // A new topic put to everyone.
  BOOST_TEST(!features_of("出社を求める理由として、よく「交流」が挙げられます。本当にそうなんでしょうか。",
                          {"出社を求める理由として、よく「交流」が挙げられます。", "本当にそうなんでしょうか。"})
                  .follow_up);
}

BOOST_AUTO_TEST_CASE(asking_about_the_persons_own_side_addresses_them) {
  Features f = features_of("わかります。松浦さんのところはいかがですか。", {"わかります。", "松浦さんのところはいかがですか。"});
  BOOST_TEST(f.addressed == "松浦さん");
  // Speaking of someone's point to another is no address.
  Features g = features_of("西村さんの指摘について、どう思いますか。", {"西村さんの指摘について、どう思いますか。"});
  BOOST_TEST(g.addressed.empty());
}

BOOST_AUTO_TEST_CASE(a_family_name_before_a_space_belongs_to_the_name) {
  const auto& cues = SpeakerModel::builtin().compiled();
  BOOST_TEST((names_in_text("港町の食堂を営む三浦 早苗さんに聞いた。", cues) == std::vector<std::string>{"三浦 早苗さん"}));
  // A title before a space is no family name, nor a heading's words.
  BOOST_TEST((names_in_text("会長 山田さんが話した。", cues) == std::vector<std::string>{"山田さん"}));
  BOOST_TEST((names_in_text("一般質問　川村直子さん", cues) == std::vector<std::string>{"川村直子さん"}));
}

// An athlete is called by the title of the sport (まずは岩崎投手、… 森田選手はどうですか), and the
// title comes off the name like さん (岩崎投手 and 岩崎さん are one person).
BOOST_AUTO_TEST_CASE(an_athlete_is_called_by_the_sports_title) {
  Features f = features_of("まずは岩崎投手、8回の投球を振り返っていかがですか。", {"まずは岩崎投手、8回の投球を振り返っていかがですか。"});
  BOOST_TEST(f.vocative == "岩崎投手");
  Features g = features_of("森田選手はあの打席をどう見ていましたか。", {"森田選手はあの打席をどう見ていましたか。"});
  BOOST_TEST(g.addressed == "森田選手");
  const auto& cues = SpeakerModel::builtin().compiled();
  BOOST_TEST(normalise_name("岩崎投手", cues) == "岩崎");
  BOOST_TEST(normalise_name("森田選手", cues) == "森田");
}

// 村上です。 市民協働課の岩田です。 give the speaker's own name; a name with an honorific before
// です presents someone else (…サヨナラ打の森田選手です。), since no one gives their own name so.
BOOST_AUTO_TEST_CASE(no_one_gives_their_own_name_with_an_honorific) {
  BOOST_TEST(features_of("市民協働課の岩田です。よろしくお願いします。", {"市民協働課の岩田です。", "よろしくお願いします。"})
                 .self_named == "岩田");
  BOOST_TEST(features_of("今日のヒーローは、決勝打の森田選手です。", {"今日のヒーローは、決勝打の森田選手です。"})
                 .self_named.empty());
  BOOST_TEST(features_of("司会の有田さんです。", {"司会の有田さんです。"}).self_named.empty());
}

// A sentence that opens with someone's own side (工藤さんのところは…) speaks to them even as a
// statement that invites an answer (…と聞きます。); someone's words spoken of (工藤さんの話では) do not.
BOOST_AUTO_TEST_CASE(opening_with_someones_own_side_speaks_to_them) {
  BOOST_TEST(features_of("工藤さんのところは、牛の世話で休みがないと聞きます。", {"工藤さんのところは、牛の世話で休みがないと聞きます。"})
                 .addressed == "工藤さん");
  Features g = features_of("工藤さんの話では、休みは週に半日だそうです。", {"工藤さんの話では、休みは週に半日だそうです。"});
  BOOST_TEST(g.addressed.empty());
}
