// Label shapes written apart from the speech (issue 12): comments signed at the line's end (a
// wiki's comment box, a guestbook), and labels alone on their line in brackets that
// segmentation would read as a desk's credit (a press conference's （記者） / （知事）). Each
// with its counter-case: the same shape where the document does not repeat it.
#define BOOST_TEST_MODULE speakers_signed
#include <boost/test/unit_test.hpp>

#include "jatei/segment.hpp"
#include "jatei/speakers.hpp"
#include "jatei/tei.hpp"
#include "speakers/labels.hpp"
#include "speakers_fixture.hpp"

using namespace jatei;
using speakers_fixture::annotated;
using speakers_fixture::twice_the_same;
using speakers_fixture::who_says;

BOOST_AUTO_TEST_CASE(a_signature_at_the_end_of_a_line) {
  auto s = speakers::parse_signature("雷は半減です。 -- ぽち (2026/05/12 21:03)");
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(s->name == "ぽち");
  BOOST_TEST(s->family == "--+日時");
  BOOST_TEST(std::string("雷は半減です。 -- ぽち (2026/05/12 21:03)").substr(0, s->at) == "雷は半減です。");
  // the wiki's own stamp, a weekday in brackets between the date and the time
  s = speakers::parse_signature("柱の陰は当たります --夜更かし勇者 2026-05-13 (水) 08:41:07");
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(s->name == "夜更かし勇者");
  BOOST_TEST(s->dated);
  s = speakers::parse_signature("色がとてもきれいでした。　by kazu_0921");
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(s->name == "kazu_0921");
  BOOST_TEST(s->family == "by");
  // no signature: a title by its author, a dash inside a sentence, a word ending in by, a name
  // that is a sentence
  for (std::string line : {"『光をつかまえる』 by 森川透", "それは――ほんの偶然だった。", "Stand by",
                           "結果は次の通り -- 詳しくは下の表を見てください。", "-- ぽち"})
    BOOST_TEST(!speakers::parse_signature(line).has_value(), line);
}

BOOST_AUTO_TEST_CASE(comments_signed_at_the_line_end_are_their_writers_turns) {
  std::string text =
      "霧の谷の番人ガルド\n"
      "第一形態は単体攻撃が中心なので、回復役を一人置けば安定します。\n"
      "コメント\n"
      "雷属性がほとんど通らないんですが仕様ですか？ -- ぽち (2026/05/12 21:03)\n"
      "耐性のところに書いてある通り、雷は半減ですね。 -- 夜更かし勇者 (2026/05/12 22:17)\n"
      "↑柱の陰で試してみたけど普通に当たりました -- みけ (2026/05/13 12:05)\n"
      "大剣やっと出た！ -- ぽち (2026/05/13 23:50)\n"
      "お名前：\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  // no <speaker>: the signature stays at the end of the text it signs
  BOOST_TEST(w["雷属性がほとんど通らないんですが仕様ですか？ -- ぽち (2026/05/12 21:03)"] == "|ぽち");
  BOOST_TEST(w["耐性のところに書いてある通り、雷は半減ですね。 -- 夜更かし勇者 (2026/05/12 22:17)"] == "|夜更かし勇者");
  BOOST_TEST(w["↑柱の陰で試してみたけど普通に当たりました -- みけ (2026/05/13 12:05)"] == "|みけ");
  BOOST_TEST(w["大剣やっと出た！ -- ぽち (2026/05/13 23:50)"] == "|ぽち");
  BOOST_TEST(w["お名前："] == "-");  // after the last comment: no part of it
  BOOST_TEST(w["第一形態は単体攻撃が中心なので、回復役を一人置けば安定します。"] == "-");
  BOOST_TEST(ex.find("本文 -- 名前 (日時)（行末の署名）: induced") != std::string::npos, ex);
  twice_the_same(doc);
  // Two signed lines without a date are no style (three needed); a single dated one neither.
  Document two = annotated(
      "寄せられた声\n"
      "色がとてもきれいでした。　by みどり\n"
      "個展にうかがいました。　by 旅する靴\n");
  BOOST_TEST(who_says(two)["色がとてもきれいでした。　by みどり"] == "-");
  Document one = annotated(
      "今日は晴れました。\n"
      "山に登りました。 -- 山田 (2026/05/12 21:03)\n"
      "頂上は寒かったです。\n");
  BOOST_TEST(who_says(one)["山に登りました。 -- 山田 (2026/05/12 21:03)"] == "-");
}

BOOST_AUTO_TEST_CASE(signed_list_items_are_each_a_comment) {
  Document doc = annotated(
      "コメント\n"
      "・雷は半減です -- ぽち (2026/05/12 21:03)\n"
      "・氷で押し切れました -- みけ (2026/05/12 22:17)\n"
      "・大剣が出ました -- ぽち (2026/05/13 23:50)\n");
  auto w = who_says(doc);
  BOOST_TEST(w["・氷で押し切れました -- みけ (2026/05/12 22:17)"] == "|みけ");
  BOOST_TEST(w["・大剣が出ました -- ぽち (2026/05/13 23:50)"] == "|ぽち");
  twice_the_same(doc);
}

BOOST_AUTO_TEST_CASE(labels_alone_in_brackets_that_the_document_repeats) {
  std::string text =
      "市長定例記者会見\n"
      "（市長）\n"
      "本日は、新しい子育て支援策についてご説明します。来年度から保育料の第二子無償化を始めます。\n"
      "（記者）\n"
      "港日報の川口です。対象となる世帯はどのくらいですか。\n"
      "（市長）\n"
      "市内でおよそ三千世帯を見込んでいます。\n"
      "（記者）\n"
      "財源はどうされるのでしょうか。\n"
      "（こども未来部長）\n"
      "国の交付金と市の基金を充てる方向で調整しています。\n"
      "（社会部　佐藤健一）\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["本日は、新しい子育て支援策についてご説明します。来年度から保育料の第二子無償化を始めます。"] == "（市長）|市長");
  BOOST_TEST(w["市内でおよそ三千世帯を見込んでいます。"] == "（市長）|市長");
  BOOST_TEST(w["港日報の川口です。対象となる世帯はどのくらいですか。"] == "（記者）|川口");
  BOOST_TEST(w["国の交付金と市の基金を充てる方向で調整しています。"] == "（こども未来部長）|こども未来部長");
  BOOST_TEST(w["（社会部　佐藤健一）"] == "-");  // the desk's credit, once
  twice_the_same(doc);
  // A desk's credit said once stays a byline: no label, no turn.
  Document news = annotated(
      "市が子育て支援策\n"
      "市は来年度から保育料の第二子無償化を始めると発表した。対象はおよそ三千世帯。\n"
      "（社会部記者）\n");
  for (auto& d : news.divisions)
    for (auto& t : d.turns) BOOST_TEST(!t.spoken());
}

BOOST_AUTO_TEST_CASE(a_name_line_over_a_line_of_when_the_post_was_made) {
  std::string text =
      "ドラム式洗濯機の乾燥が急に弱くなりました\n"
      "sora_no_iro22さん\n"
      "2026/10/03 20:15\n"
      "最近、乾燥が終わっても衣類が湿ったままになります。修理に出すべきでしょうか。\n"
      "回答\n"
      "denki_yasan_mさん\n"
      "2026/10/03 21:02\n"
      "乾燥ダクトにほこりが詰まっている可能性が高いです。\n"
      "hinata_mama8さん\n"
      "2026/10/04 7:40\n"
      "うちも同じ症状で、ダクトを掃除したら元に戻りましたよ。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["最近、乾燥が終わっても衣類が湿ったままになります。修理に出すべきでしょうか。"] ==
             "sora_no_iro22さん|sora_no_iro22");
  BOOST_TEST(w["2026/10/03 21:02"] == "denki_yasan_mさん|denki_yasan_m");  // the post's own line
  BOOST_TEST(w["うちも同じ症状で、ダクトを掃除したら元に戻りましたよ。"] == "hinata_mama8さん|hinata_mama8");
  BOOST_TEST(w["回答"] == "-");  // heads the answers: no part of the question
  BOOST_TEST(ex.find("(名前/日時/本文): induced") != std::string::npos, ex);
  twice_the_same(doc);
  // A blog's dated titles (headings with no honorific) over its entries are no posters.
  Document blog = annotated(
      "ランチ日記\n"
      "2026/10/03\n"
      "駅前の定食屋で焼き魚定食を食べました。ご飯のおかわりが自由でした。\n"
      "カフェ巡り\n"
      "2026/10/04\n"
      "川沿いの新しいカフェに行きました。窓からの眺めがよかったです。\n");
  for (auto& d : blog.divisions)
    for (auto& t : d.turns) BOOST_TEST(!t.spoken());
}
