// Label and turn shapes of broadcast transcripts and review pages (issue 12): a narrator's label
// (Ｎ：, ナレーション：) whose lines are narration, labels that describe a person (乗客の女性：),
// a caption's mark of a change of speaker (＞＞), a role on the line over each name line, review
// headers with a score or a profile line, and a reply the page repeats inside the posts. Each
// case has its counter-case: the same shape where the document does not use it as a label.
#define BOOST_TEST_MODULE speakers_broadcast
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
using speakers_fixture::who_ids;
using speakers_fixture::who_says;

namespace {

std::string role_of(const Document& doc, const std::string& name) {
  for (auto& p : doc.header.persons)
    if (p.name == name) return p.role;
  return "(none)";
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_narrator_among_the_people_who_speak) {
  std::string text =
      "ドキュメント　港の朝\n"
      "2026年5月3日放送\n"
      "Ｎ：午前4時。港に最初の漁船が戻ってきた。\n"
      "Ｎ：この港で40年、競りを仕切ってきたのが西田勝さんだ。\n"
      "西田さん：今日はいいサバが上がったね。値段も悪くないよ。\n"
      "Ｎ：競りは、わずか20分で終わる。\n"
      "西田さん：昔はもっと船が多かったんだけどね。\n"
      "乗客の女性：毎朝ここで魚を買ってから仕事に行くんです。\n"
      "Ｎ：港の朝は、今日も早い。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["午前4時。港に最初の漁船が戻ってきた。"] == "Ｎ：|Ｎ");
  BOOST_TEST(w["港の朝は、今日も早い。"] == "Ｎ：|Ｎ");
  BOOST_TEST(w["昔はもっと船が多かったんだけどね。"] == "西田さん：|西田");
  BOOST_TEST(w["毎朝ここで魚を買ってから仕事に行くんです。"] == "乗客の女性：|乗客の女性");
  BOOST_TEST(role_of(doc, "Ｎ") == "narrator");
  BOOST_TEST(ex.find("of a narrator (narration, judged by the other names' lines)") != std::string::npos, ex);
  twice_the_same(doc);
  // Without the narrator's word, lines of a key and prose are no style: a recipe's ポイント：
  Document recipe = annotated(
      "鶏むね肉のソテー\n"
      "ポイント：鶏肉は常温に戻しておく。\n"
      "ポイント：皮目から中火で焼く。\n"
      "注意：焼きすぎると固くなる。\n"
      "ポイント：最後に塩を振る。\n");
  for (auto& d : recipe.divisions)
    for (auto& t : d.turns) BOOST_TEST(!t.spoken());
}

BOOST_AUTO_TEST_CASE(a_narrator_alone_in_its_shape) {
  std::string text =
      "まちの仕事人　第3回　鍛冶屋の朝\n"
      "ナレーション：午前6時。町外れの工房に火が入った。\n"
      "ナレーション：3代目の森田さんは、この道50年になる。\n"
      "森田さん「火の色を見れば、鉄の温度が分かるんですよ。」\n"
      "ナレーション：打つたびに、火花が散る。\n"
      "森田さん「この音がいいんです。」\n"
      "ナレーション：一本の包丁ができるまで、三日かかる。\n"
      "森田さん「急いだら、いいものはできませんから。」\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["午前6時。町外れの工房に火が入った。"] == "ナレーション：|ナレーション");
  BOOST_TEST(w["「この音がいいんです。」"] == "森田さん|森田");
  BOOST_TEST(ex.find("judged by the narrator's recurring lines") != std::string::npos, ex);
  twice_the_same(doc);
}

BOOST_AUTO_TEST_CASE(a_label_that_describes_a_person) {
  const auto& m = SpeakerModel::builtin();
  for (const char* s : {"乗客の女性：毎朝乗っています。", "町の担当者：検討しているところです。", "地元の漁師：今年は不漁だね。"}) {
    auto c = speakers::parse_label(s, m, false);
    BOOST_TEST(c.has_value(), s);
  }
  // a phrase with a particle inside is still no label
  BOOST_TEST(!speakers::parse_label("ICカードの利用時：１４７円です。", m, false).has_value());
  BOOST_TEST(!speakers::parse_label("本日の天気：晴れのち曇り。", m, false).has_value());
}

BOOST_AUTO_TEST_CASE(a_caption_marks_each_change_of_speaker) {
  std::string text =
      "【検証】ベランダでトマトは育つ？\n"
      "やさい部チャンネル\n"
      "文字起こし\n"
      "＞＞どうもやさい部のタクミです\n"
      "＞＞ハルカですよろしくお願いします\n"
      "＞＞今日はベランダで育てたトマトを収穫します\n"
      "＞＞え本当に実がなったんですか\n"
      "＞＞なりましたね全部で30個くらいです\n"
      "＞＞すごい\n"
      "＞＞それではまた次回\n"
      "＞＞バイバイ\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_ids(doc);
  // (the mark stays in the line's text, before its sentence)
  std::string a = w["＞＞どうもやさい部のタクミです"], b = w["＞＞ハルカですよろしくお願いします"];
  BOOST_TEST(a != "-");
  BOOST_TEST(b != "-");
  BOOST_TEST(a != b);
  BOOST_TEST(w["＞＞今日はベランダで育てたトマトを収穫します"] == a);
  BOOST_TEST(w["＞＞え本当に実がなったんですか"] == b);
  BOOST_TEST(w["＞＞バイバイ"] == b);
  BOOST_TEST(w["やさい部チャンネル"] == "-");
  BOOST_TEST(ex.find("a caption's mark of a change of speaker") != std::string::npos, ex);
  // The mark stays in the paragraph, outside the sentence.
  BOOST_TEST(tei::write(doc).find("＞＞<s") != std::string::npos);
  twice_the_same(doc);
  // A thread's anchors (>>12) answer a post: no mark of a speaker.
  Document thread = annotated(
      "スレッド\n"
      ">>12 それは違うと思う\n"
      ">>15 同意\n"
      ">>18 ソースは？\n");
  BOOST_TEST(tei::write(thread).find("&gt;&gt;12 それは") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_role_on_the_line_over_each_name) {
  std::string text =
      "対談　町の銭湯を残すには\n"
      "銭湯の主人と、建築家が話した。\n"
      "司会\n"
      "小池\n"
      "今日はお二人に、銭湯のこれからを伺います。\n"
      "主人\n"
      "大塚\n"
      "うちは創業60年です。お客さんは一日100人ほどですね。\n"
      "建築家\n"
      "三好\n"
      "建物そのものに価値があると思っています。\n"
      "司会\n"
      "小池\n"
      "残すために何が必要でしょう。\n"
      "主人\n"
      "大塚\n"
      "若い人に来てもらうことですね。\n"
      "建築家\n"
      "三好\n"
      "改修の費用を町と分け合う仕組みが要ります。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  // (a line that is all label leaves no text in the turn: its <speaker> holds it)
  std::string xml = tei::write(doc);
  BOOST_TEST(xml.find("<speaker>司会</speaker>") != std::string::npos);
  BOOST_TEST(xml.find("<speaker>建築家</speaker>") != std::string::npos);
  BOOST_TEST(w["今日はお二人に、銭湯のこれからを伺います。"] == "小池|小池");
  BOOST_TEST(w["若い人に来てもらうことですね。"] == "大塚|大塚");
  BOOST_TEST(doc.header.persons.size() == 3u);
  BOOST_TEST(w["銭湯の主人と、建築家が話した。"] == "-");
  BOOST_TEST(role_of(doc, "小池") == "moderator");
  BOOST_TEST(ex.find("label shape 役割の行＋名前の行: induced") != std::string::npos, ex);
  twice_the_same(doc);
}

BOOST_AUTO_TEST_CASE(review_headers_with_a_score_or_a_profile_line) {
  std::string text =
      "そば処　山路の口コミ\n"
      "そば好きの父\n"
      "★4.0　2026/10訪問\n"
      "十割そばの香りが強く、つゆとよく合います。\n"
      "お店からの返信\n"
      "ご来店ありがとうございました。\n"
      "ハイカーのゆう\n"
      "クチコミ12件・写真3枚\n"
      "★3.5　2026/09訪問\n"
      "登山帰りに寄りました。冷たいそばがおいしかったです。\n"
      "お店からの返信\n"
      "またのお越しをお待ちしております。\n"
      "ぐるめ太郎\n"
      "★★★☆☆\n"
      "待ち時間が少し長かったです。\n"
      "口コミをもっと見る\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["十割そばの香りが強く、つゆとよく合います。"] == "そば好きの父|そば好きの父");
  BOOST_TEST(w["クチコミ12件・写真3枚"] == "ハイカーのゆう|ハイカーのゆう");
  BOOST_TEST(w["★3.5　2026/09訪問"] == "ハイカーのゆう|ハイカーのゆう");
  BOOST_TEST(w["ご来店ありがとうございました。"] == "お店からの返信|お店からの返信");
  BOOST_TEST(w["またのお越しをお待ちしております。"] == "お店からの返信|お店からの返信");
  BOOST_TEST(w["待ち時間が少し長かったです。"] == "ぐるめ太郎|ぐるめ太郎");
  BOOST_TEST(ex.find("label shape 投稿の中の返信の見出し行: induced") != std::string::npos, ex);
  twice_the_same(doc);
  // A reply under one post is one when the line says it replies; a line the page repeats that
  // stands over no sentence (a button row) and a review's own subheading are no one's reply.
  Document once = annotated(
      "そば処　山路の口コミ\n"
      "そば好きの父\n"
      "★4.0　2026/10訪問\n"
      "十割そばの香りが強く、つゆとよく合います。\n"
      "参考になった\n"
      "ハイカーのゆう\n"
      "★3.5　2026/09訪問\n"
      "冷たいそばがおいしかったです。\n"
      "参考になった\n"
      "ぐるめ太郎\n"
      "★★★☆☆\n"
      "待ち時間が少し長かったです。\n"
      "良かった点\n"
      "そば湯が濃くておいしかったです。\n"
      "店主より\n"
      "申し訳ありませんでした。\n");
  auto w2 = who_says(once);
  BOOST_TEST(w2["申し訳ありませんでした。"] == "店主より|店主より");
  BOOST_TEST(w2["良かった点"].find("良かった点|") == std::string::npos);
  // A counter of replies or the reply button under each comment heads no one's words, nor does a
  // Q&A site's お礼コメント (the asker's: 回答 and コメント are no words of replying).
  Document buttons = annotated(
      "コメント\n"
      "@yama_hiker　3日前\n"
      "景色がきれいですね。行ってみたいです。\n"
      "2件の返信\n"
      "冬でも登れますか。\n"
      "@snow_walker　5日前\n"
      "装備の説明が分かりやすかったです。\n"
      "2件の返信\n"
      "アイゼンはどこで買いましたか。\n");
  BOOST_TEST(tei::write(buttons).find("<speaker>2件の返信</speaker>") == std::string::npos);
  Document thanks = annotated(
      "質問\n"
      "kei_0921さん　2024/1/5 9:12\n"
      "敷金は全額戻りますか。\n"
      "ベストアンサー\n"
      "takken_sumika　2024/1/5 10:02\n"
      "ガイドラインでは、通常の使用による傷みは貸主の負担です。\n"
      "質問者からのお礼コメント\n"
      "ありがとうございます。交渉してみます。\n");
  BOOST_TEST(tei::write(thanks).find("<speaker>質問者からのお礼コメント</speaker>") == std::string::npos);
  BOOST_TEST(w2["参考になった"].find("参考になった|") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(rating_lines) {
  // (rating_line is internal to induce.cpp: read through what it decides)
  Document stars = annotated(
      "口コミ\n"
      "みかん\n"
      "☆☆☆ 3\n"
      "量が多くて満足しました。\n"
      "りんご\n"
      "☆☆☆ 3\n"
      "少し塩辛かったです。\n");
  auto w = who_says(stars);
  BOOST_TEST(w["量が多くて満足しました。"] == "みかん|みかん");
  // A star before a word is a heading's mark, no rating.
  Document recipe = annotated(
      "今日の献立\n"
      "主菜\n"
      "★塩レモンだれ\n"
      "鶏肉を焼いて、たれをかけます。\n"
      "副菜\n"
      "★ごま和え\n"
      "ほうれん草をゆでて和えます。\n");
  for (auto& d : recipe.divisions)
    for (auto& t : d.turns) BOOST_TEST(!t.spoken());
}

BOOST_AUTO_TEST_CASE(a_timestamp_in_brackets_after_the_name) {
  const auto& m = SpeakerModel::builtin();
  auto c = speakers::parse_label("村田 [00:01:40]：最初に育てるなら、何がいいですか。", m, false);
  BOOST_REQUIRE(c.has_value());
  BOOST_TEST(c->label.name == "村田");
  BOOST_TEST(c->label.time == "[00:01:40]");
  BOOST_TEST(c->family == "N[T]:");
  BOOST_TEST(c->label.length == std::string("村田 [00:01:40]：").size());
  // before the name it is the shape it was: [時刻] 名前：
  auto d = speakers::parse_label("[00:01:40] 村田：最初に育てるなら、何がいいですか。", m, false);
  BOOST_REQUIRE(d.has_value());
  BOOST_TEST(d->family == "[T]N:");
  // a bracket of something else after a name is no time
  auto e = speakers::parse_label("村田 [講師]：よろしくお願いします。", m, false);
  BOOST_TEST((!e.has_value() || e->label.time.empty()));
  std::string ex;
  Document doc = annotated(
      "勉強会の記録\n"
      "村田 [00:00:12]：では始めます。今日は家庭菜園について伺います。\n"
      "森 [00:00:25]：よろしくお願いします。まずはプランター一つからです。\n"
      "村田 [00:01:40]：最初に育てるなら、何がいいですか。\n"
      "森 [00:01:52]：ミニトマトですね。ほとんど失敗しません。\n",
      &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["最初に育てるなら、何がいいですか。"] == "村田 [00:01:40]：|村田");
  BOOST_TEST(w["ミニトマトですね。ほとんど失敗しません。"] == "森 [00:01:52]：|森");
  BOOST_TEST(ex.find("label shape 名前 [時刻]：: induced") != std::string::npos, ex);
  twice_the_same(doc);
}
