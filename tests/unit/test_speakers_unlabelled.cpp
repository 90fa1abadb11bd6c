// Unlabelled dialogue of three or more (lib/src/speakers/unlabelled.cpp, features.cpp): the
// turn-taking cues that decide who speaks next. An objection that opens with a connective of
// continuation (ただ、それは…) answers the other person; a question goes back to the one it
// follows only when it follows up what was just said. (A photo of the people between two
// paragraphs, which says nothing of who speaks next, is scored on the speaker test texts
// roundtable-three-unlabelled and talk-three-bakery.)
#define BOOST_TEST_MODULE speakers_unlabelled
#include <boost/test/unit_test.hpp>

#include <map>

#include "jatei/segment.hpp"
#include "jatei/speakers.hpp"
#include "jatei/tei.hpp"
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

namespace {

// `text` segmented and annotated with --names; the persName of each line's turn by its text.
std::map<std::string, std::string> named_turns(const std::string& text, std::vector<std::string> names) {
  SegmentOptions o;
  o.source_name = "t.txt";
  Document doc = segment_text(text, o);
  SpeakerOptions so;
  so.names = std::move(names);
  annotate_speakers(doc, so);
  std::map<std::string, std::string> id_name, out;
  for (auto& p : doc.header.persons) id_name["#" + p.id] = p.name;
  for (auto& d : doc.divisions)
    for (auto& t : d.turns)
      for (auto& b : t.blocks)
        for (auto& l : b.leaves) out[leaf_text(l)] = t.spoken() ? id_name[t.who] : "-";
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(two_names_given_go_to_the_speakers_their_calls_say_whatever_their_order) {
  // A chat of two with no labels, the two names given with --names in either order: a line that
  // calls one of them by the bare name (健太、…) is the other's, as is one that asks them about
  // themself (美咲はもう行った？); the names follow the calls, not the order they were given in.
  const std::string chat =
      "週末の予定\n"
      "健太、土曜日ひま？\n"
      "うん、午後なら空いてるよ。どうしたの？\n"
      "駅前に新しいパン屋ができたんだって。一緒に行かない？\n"
      "いいね！美咲はもう行った？\n"
      "まだ。2時はどう？混んでたら近くのカフェで待とう。\n"
      "了解。じゃあ2時に改札前で。\n";
  for (auto names : {std::vector<std::string>{"美咲", "健太"}, std::vector<std::string>{"健太", "美咲"}}) {
    auto w = named_turns(chat, names);
    BOOST_TEST(w["健太、土曜日ひま？"] == "美咲");
    BOOST_TEST(w["うん、午後なら空いてるよ。どうしたの？"] == "健太");
    BOOST_TEST(w["いいね！美咲はもう行った？"] == "健太");
    BOOST_TEST(w["まだ。2時はどう？混んでたら近くのカフェで待とう。"] == "美咲");
  }
  // Names the text never uses are given in order of first speaking, as before.
  auto w = named_turns(chat, {"A子", "B男"});
  BOOST_TEST(w["健太、土曜日ひま？"] == "A子");
}

BOOST_AUTO_TEST_CASE(two_names_given_tie_the_lines_that_call_the_same_one) {
  // The calls of the given names decide who speaks where the lines do not alternate: the
  // first line calls 陽菜 (蒼's), the closing one calls 蒼くん (陽菜's), 蒼 answers it; whoever
  // speaks in between, the two calls are never given to the person they call.
  auto w = named_turns(
      "引っ越しの相談\n"
      "陽菜、今週末ひま？\n"
      "ひま！どうしたの？\n"
      "実は来月引っ越すことになって。\n"
      "荷造り手伝ってくれない？\n"
      "えー、急だね。どこに引っ越すの？\n"
      "川の向こうの団地。職場に近くなるんだ。\n"
      "いいじゃん。土曜の午前なら行けるよ。\n"
      "助かる！お昼はおごるね。\n"
      "やった。蒼くん、段ボールは用意しといてね。\n"
      "了解、今夜スーパーでもらってくる。\n",
      {"蒼", "陽菜"});
  BOOST_TEST(w["陽菜、今週末ひま？"] == "蒼");
  BOOST_TEST(w["ひま！どうしたの？"] == "陽菜");
  BOOST_TEST(w["やった。蒼くん、段ボールは用意しといてね。"] == "陽菜");
  BOOST_TEST(w["了解、今夜スーパーでもらってくる。"] == "蒼");
}

// A sentence that opens with someone as its topic and ends by putting to them what the speaker
// has heard of them ([prompt-end]: …そうですね, …と伺いました) speaks to them; the same topic in a
// plain statement does not.
BOOST_AUTO_TEST_CASE(a_hearsay_put_to_the_person_it_opens_with_addresses_them) {
  BOOST_TEST(features_of("三上さんは、おじいさまのお店を継がれたそうですね。", {"三上さんは、おじいさまのお店を継がれたそうですね。"})
                 .addressed == "三上さん");
  BOOST_TEST(features_of("大西さんは、この本を授業で使ったことがあると伺いました。",
                         {"大西さんは、この本を授業で使ったことがあると伺いました。"})
                 .addressed == "大西さん");
  Features g = features_of("大西さんは、昨日この本を持ってきました。", {"大西さんは、昨日この本を持ってきました。"});
  BOOST_TEST(g.addressed.empty());
  BOOST_TEST(g.mentioned.size() == 1u);
}

// A question that opens with the one person it names and their own place (杉本さんの大学では…ですか。
// 大塚くんのほうは…でしたか。) is put to that person; what they said, spoken of to another
// (西村さんの指摘について…), is not, nor a statement about their place.
BOOST_AUTO_TEST_CASE(a_question_about_the_persons_own_place_addresses_them) {
  BOOST_TEST(features_of("杉本さんの大学では、こういう手記は読まれていますか。", {"杉本さんの大学では、こういう手記は読まれていますか。"})
                 .addressed == "杉本さん");
  BOOST_TEST(features_of("それはいいですね。小池さんの大学に、天文のサークルはありますか。",
                         {"それはいいですね。", "小池さんの大学に、天文のサークルはありますか。"})
                 .addressed == "小池さん");
  BOOST_TEST(features_of("大塚くんのほうは、山の町でしたか。", {"大塚くんのほうは、山の町でしたか。"}).addressed == "大塚くん");
  BOOST_TEST(features_of("杉本さんの大学では、手記をよく読むそうです。", {"杉本さんの大学では、手記をよく読むそうです。"})
                 .addressed.empty());
  BOOST_TEST(features_of("西村さんの意見に対して、どう思いますか。", {"西村さんの意見に対して、どう思いますか。"}).addressed.empty());
}

// A paragraph whose last sentence presents one person (まずは逆転打の石田選手です！, or before a
// short word to them, …小西投手です。おめでとうございます。) gives that person the floor, as does
// 小西投手からどうぞ。; two people presented together, or a word that only looks like a name before
// です (落ち着くんです), do not.
BOOST_AUTO_TEST_CASE(presenting_one_person_gives_them_the_floor) {
  BOOST_TEST(features_of("それでは、今日のヒーローインタビューです。まずは逆転打の石田選手です！",
                         {"それでは、今日のヒーローインタビューです。", "まずは逆転打の石田選手です！"})
                 .addressed == "石田選手");
  BOOST_TEST(features_of("続いて、九回を三人で締めた小西投手です。おめでとうございます。",
                         {"続いて、九回を三人で締めた小西投手です。", "おめでとうございます。"})
                 .addressed == "小西投手");
  BOOST_TEST(features_of("最後に一言お願いします。小西投手からどうぞ。", {"最後に一言お願いします。", "小西投手からどうぞ。"})
                 .addressed == "小西投手");
  BOOST_TEST(features_of("今日のヒーローは、岩崎投手と森田選手です。", {"今日のヒーローは、岩崎投手と森田選手です。"})
                 .addressed.empty());
  BOOST_TEST(features_of("同じ作業の描写が、なんだか落ち着くんです。", {"同じ作業の描写が、なんだか落ち着くんです。"})
                 .addressed.empty());
  BOOST_TEST(features_of("小西投手からもらったボールです。", {"小西投手からもらったボールです。"}).addressed.empty());
}
