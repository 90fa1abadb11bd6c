// Label styles of pages the first rules were not written for (issue 12): a name and a vertical
// bar, names with no mark before the speech, comments collected under a mark and a person's
// name, a comment thread whose names and dates stand on lines of their own, handles with a star.
// Each case has its counter-case: the same shape where the document does not repeat it as labels.
#define BOOST_TEST_MODULE speakers_pages
#include <boost/test/unit_test.hpp>

#include "jatei/segment.hpp"
#include "jatei/speakers.hpp"
#include "jatei/tei.hpp"
#include "speakers/labels.hpp"
#include "speakers/model.hpp"
#include "speakers_fixture.hpp"

using namespace jatei;
using speakers_fixture::annotated;
using speakers_fixture::twice_the_same;
using speakers_fixture::who_says;

BOOST_AUTO_TEST_CASE(a_name_and_a_vertical_bar) {
  auto c = speakers::parse_label("森川｜私は港の倉庫で検品をしています。", SpeakerModel::builtin(), false);
  BOOST_REQUIRE(c.has_value());
  BOOST_TEST(c->label.name == "森川");
  BOOST_TEST(c->family == "NI");
  BOOST_TEST(c->label.length == std::string("森川｜").size());
  std::string text =
      "社員対談　現場と本社\n"
      "入社同期の二人が一年を振り返った。\n"
      "司会｜お二人とも入社から一年ですね。今の仕事を教えてください。\n"
      "森川｜私は港の倉庫で、荷物の検品をしています。\n"
      "高瀬｜僕は本社で配送ルートの計画を作っています。\n"
      "司会｜一年前の自分に声をかけるとしたら？\n"
      "森川｜もっと早く周りに聞けばよかった、ですね。\n"
      "高瀬｜分かります。質問するのが怖かったです。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["私は港の倉庫で、荷物の検品をしています。"] == "森川｜|森川");
  BOOST_TEST(w["分かります。質問するのが怖かったです。"] == "高瀬｜|高瀬");
  BOOST_TEST(w["入社同期の二人が一年を振り返った。"] == "-");
  BOOST_TEST(ex.find("label shape 名前｜: induced") != std::string::npos, ex);
  twice_the_same(doc);
  // A table's rows with a bar are no style: each key once, and no speech after it.
  Document table = annotated(
      "商品の情報\n"
      "価格｜1,200円\n"
      "重さ｜350グラム\n"
      "産地｜静岡県\n"
      "お届けまで三日ほどかかります。\n");
  for (auto& [line, who] : who_says(table)) BOOST_TEST(who == "-", line);
}

BOOST_AUTO_TEST_CASE(names_with_no_mark_before_the_speech) {
  std::string text =
      "特集対談　新しい倉庫で何が変わったか\n"
      "センター長の大川健司と、出荷チームをまとめる村上美咲が語り合った。\n"
      "大川健司（センター長）\n"
      "村上美咲（出荷チーム）\n"
      "大川村上さん、こちらに移ってきて半年ですね。どうでしたか。\n"
      "村上正直に言うと、毎日が手探りでした。\n"
      "大川そうだったね。配置を決めたのは本社だからね。\n"
      "村上はい。冷蔵品の置き場が遠くて、夏場は心配でした。\n"
      "大川は7月に棚を出口側へ移すことを決めた。\n"
      "大川次は何をやってみたい？\n"
      "村上棚の色分けを増やしたいです。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["正直に言うと、毎日が手探りでした。"] == "村上|村上");
  BOOST_TEST(w["そうだったね。配置を決めたのは本社だからね。"] == "大川|大川");
  BOOST_TEST(w["はい。冷蔵品の置き場が遠くて、夏場は心配でした。"] == "村上|村上");  // an answer word after the name
  BOOST_TEST(w["次は何をやってみたい？"] == "大川|大川");  // the speech starts with a kanji too
  BOOST_TEST(w["大川は7月に棚を出口側へ移すことを決めた。"] == "-");  // a particle after it: narration
  BOOST_TEST(ex.find("a name with no mark before the speech") != std::string::npos, ex);
  twice_the_same(doc);
  // Paragraphs of a news story that start with the same words are no labels: the document names
  // no one so (no honorific after them, no line of the full name).
  Document news = annotated(
      "新工場が稼働\n"
      "同社社長は会見で新工場の狙いを語った。\n"
      "同社今年の売上高は前年より増えた。\n"
      "同社来年も設備投資を続ける。\n"
      "同社昨年は赤字だった。\n"
      "市内今月の人口は減った。\n"
      "市内来月には新しい駅ができる。\n");
  for (auto& [line, who] : who_says(news)) BOOST_TEST(who == "-", line);
}

BOOST_AUTO_TEST_CASE(comments_collected_under_a_mark_and_a_name) {
  std::string text =
      "北港FC、逆転勝ち　試合後のコメント\n"
      "地域リーグ第18節は3日に行われ、北港FCが逆転勝ちした。監督と選手のコメントは次の通り。\n"
      "◆石井誠監督\n"
      "前半は相手の圧力に押されました。ハーフタイムに、もっと広く使おうと伝えました。\n"
      "後半は選手がよく表現してくれたと思います。\n"
      "◆三好大地選手\n"
      "ゴールの場面は、クロスが来ると信じて走り込みました。\n"
      "◆高野修監督（南浜ユナイテッド）\n"
      "最後の10分で集中が切れてしまいました。\n"
      "北港FCは次節、11日にホームで対戦する。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["前半は相手の圧力に押されました。ハーフタイムに、もっと広く使おうと伝えました。"] == "◆石井誠監督|石井誠");
  BOOST_TEST(w["後半は選手がよく表現してくれたと思います。"] == "◆石井誠監督|石井誠");
  BOOST_TEST(w["ゴールの場面は、クロスが来ると信じて走り込みました。"] == "◆三好大地選手|三好大地");
  BOOST_TEST(w["最後の10分で集中が切れてしまいました。"] == "◆高野修監督（南浜ユナイテッド）|高野修");
  BOOST_TEST(w["北港FCは次節、11日にホームで対戦する。"] == "-");  // the page's narration ends the comment
  BOOST_TEST(ex.find("comments collected, each person once") != std::string::npos, ex);
  twice_the_same(doc);
  // Section heads with a mark over written text name no person: no comments.
  Document guide = annotated(
      "市民ホールのご案内\n"
      "◆大ホール\n"
      "客席は1200席で、演奏会や講演会に使われます。\n"
      "◆小ホール\n"
      "客席は300席です。\n"
      "◆展示室\n"
      "絵画や写真の展示ができます。\n");
  for (auto& [line, who] : who_says(guide)) BOOST_TEST(who == "-", line);
}

BOOST_AUTO_TEST_CASE(a_comment_thread_with_names_and_dates_on_lines_of_their_own) {
  std::string text =
      "フィルム一眼レフ　標準レンズ付き\n"
      "父が使っていたカメラです。動作は確認しています。\n"
      "コメント（4）\n"
      "ねこまる\n"
      "はじめまして。レンズにカビはありますか？\n"
      "3日前\n"
      "kazu_photo（出品者）\n"
      "コメントありがとうございます。カビは見当たりませんでした。\n"
      "3日前\n"
      "ぽんた\n"
      "お値下げは難しいでしょうか。\n"
      "2日前\n"
      "kazu_photo（出品者）\n"
      "申し訳ありませんが、この価格でお願いしております。\n"
      "2日前\n"
      "購入手続きへ\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["はじめまして。レンズにカビはありますか？"] == "ねこまる|ねこまる");
  BOOST_TEST(w["お値下げは難しいでしょうか。"] == "ぽんた|ぽんた");
  BOOST_TEST(w["申し訳ありませんが、この価格でお願いしております。"] == "kazu_photo（出品者）|kazu_photo");
  BOOST_TEST(w["購入手続きへ"] == "-");  // after the line that dates the last post
  BOOST_TEST(w["父が使っていたカメラです。動作は確認しています。"] == "-");
  BOOST_TEST(ex.find("名前/…/日時): induced") != std::string::npos, ex);
  twice_the_same(doc);
  // A handle and a time relative to now on one line, which segmentation takes for a heading: a
  // post header all the same (a blog's dated title carries a date, not 3日前).
  Document one_line = annotated(
      "フィルム一眼レフ\n"
      "父が使っていたカメラです。\n"
      "コメント（3）\n"
      "ねこまる　3日前\n"
      "はじめまして。レンズにカビはありますか？\n"
      "kazu_photo（出品者）　3日前\n"
      "カビは見当たりませんでした。\n"
      "ぽんた　2日前\n"
      "お値下げは難しいでしょうか。\n");
  auto w1 = who_says(one_line);
  BOOST_TEST(w1["お値下げは難しいでしょうか。"] == "ぽんた　2日前|ぽんた");
  BOOST_TEST(w1["カビは見当たりませんでした。"] == "kazu_photo（出品者）　3日前|kazu_photo");
  // Without the lines of dates the names, only one of which comes back, are no style.
  Document bare = annotated(
      "コメント\n"
      "ねこまる\n"
      "はじめまして。レンズにカビはありますか？\n"
      "kazu_photo\n"
      "カビは見当たりませんでした。\n"
      "ぽんた\n"
      "お値下げは難しいでしょうか。\n"
      "kazu_photo\n"
      "この価格でお願いしております。\n");
  BOOST_TEST(who_says(bare)["お値下げは難しいでしょうか。"] == "-");
}

BOOST_AUTO_TEST_CASE(stamp_lines_and_handles_with_a_star) {
  for (std::string line : {"3日前", "約1時間前", "2026/05/01 12:30", "2026.09.02 21:14", "たった今"})
    BOOST_TEST(speakers::stamp_line(line), line);
  for (std::string line : {"ねこまる", "3日前に届きました。", "購入手続きへ", "2026年"})
    BOOST_TEST(!speakers::stamp_line(line), line);
  auto h = speakers::parse_post_header("#3　ななしの岳人★　2026.09.02 21:41");
  BOOST_REQUIRE(h.has_value());
  BOOST_TEST(h->handle == "ななしの岳人★");
  BOOST_TEST(!speakers::parse_post_header("★★★★☆　2026.09.02").has_value());  // a rating names no one
}

