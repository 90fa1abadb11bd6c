// Label induction (lib/src/speakers/induce.cpp): a shape is a label when the document repeats
// it for a small set of names; guards against titles, section heads, corrections, desk credits
// and one-off brackets; post headers over their posts; furniture lines.
#define BOOST_TEST_MODULE speakers_induce
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "jatei/segment.hpp"
#include "jatei/speakers.hpp"
#include "jatei/tei.hpp"
#include "jatei/validate.hpp"
#include "speakers_fixture.hpp"

using namespace jatei;

namespace {

using speakers_fixture::annotated;
using speakers_fixture::who_says;

}  // namespace

BOOST_AUTO_TEST_CASE(parenthesised_labels_of_a_press_conference) {
  std::string text =
      "【会見詳報】新製品を発表\n"
      "東西電機の西田洋一社長は20日、記者会見した。主なやりとりは次の通り。\n"
      "（司会）質疑に移ります。\n"
      "（東都新聞・高橋）東都新聞の高橋です。価格はいくらですか。\n"
      "（社長）3万円を予定しています。\n"
      "部品の値上がりもありましたが、据え置きました。\n"
      "（東都新聞・高橋）発売はいつですか。\n"
      "（社長）来月です。\n"
      "（記者）海外でも売りますか。\n"
      "（社長）検討しています。\n"
      "（司会）以上で終了します。\n"
      "同社の株価は発表後、3%上昇した。\n"
      "（経済部・山本花子）\n";
  Document doc = annotated(text);
  auto w = who_says(doc);
  BOOST_TEST(w["東都新聞の高橋です。価格はいくらですか。"] == "（東都新聞・高橋）|高橋");
  BOOST_TEST(w["発売はいつですか。"] == "（東都新聞・高橋）|高橋");  // one person however the label varies
  BOOST_TEST(w["部品の値上がりもありましたが、据え置きました。"] == "（社長）|西田洋一");  // goes on; named from the lead
  BOOST_TEST(w["海外でも売りますか。"] == "（記者）|記者");  // a name seen once inside the run
  BOOST_TEST(w["同社の株価は発表後、3%上昇した。"] == "-");  // narration after the last turn
  BOOST_TEST(w["（経済部・山本花子）"] == "-");              // a desk credit
  BOOST_TEST(w["東西電機の西田洋一社長は20日、記者会見した。主なやりとりは次の通り。"] == "-");
}

BOOST_AUTO_TEST_CASE(guards_title_section_head_correction_one_off_bracket) {
  std::string text =
      "座談会:通勤の未来\n"
      "(司会)始めます。まず木村さん、いかがですか。\n"
      "(木村)電車が混みすぎています。\n"
      "【解説】時差通勤とは\n"
      "出勤の時刻をずらす働き方。\n"
      "(司会)では、森さんはどう思いますか。\n"
      "(森)私は在宅が増えると思います。\n"
      "(木村)そうですね。\n"
      "(司会)ありがとうございました。\n"
      "【訂正】初出時、木村氏の肩書を誤って記載しました。\n"
      "(写真は資料)\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["座談会:通勤の未来"] == "-");
  BOOST_TEST(w["【解説】時差通勤とは"] == "-");
  BOOST_TEST(w["出勤の時刻をずらす働き方。"] == "-");
  BOOST_TEST(w["【訂正】初出時、木村氏の肩書を誤って記載しました。"] == "-");
  BOOST_TEST(w["(写真は資料)"] == "-");
  BOOST_TEST(w["私は在宅が増えると思います。"] == "(森)|森");
  BOOST_TEST(ex.find("label shape (名前): induced") != std::string::npos, ex);
}

BOOST_AUTO_TEST_CASE(a_name_alone_on_the_line_before_each_paragraph) {
  std::string text =
      "【連載】川辺の話　第3回\n"
      "釣り人の杉本と、川の研究者の木島さんが語り合う連載。\n"
      "杉本（釣り人）\n"
      "木島さん、今年は川の水が少ないですね。\n"
      "木島\n"
      "ええ、春の雨が少なかったんです。魚も深い所に集まっています。\n"
      "それに、水温も例年より高いんですよ。\n"
      "杉本\n"
      "そうなんですか。釣れる場所も変わりそうですね。\n"
      "木島\n"
      "上流の淵を狙うといいと思いますよ。\n"
      "（次回は来月掲載）\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["木島さん、今年は川の水が少ないですね。"] == "杉本（釣り人）|杉本");
  BOOST_TEST(w["それに、水温も例年より高いんですよ。"] == "木島|木島");  // goes on under the name
  BOOST_TEST(w["そうなんですか。釣れる場所も変わりそうですね。"] == "杉本|杉本");  // one person however it varies
  BOOST_TEST(w["釣り人の杉本と、川の研究者の木島さんが語り合う連載。"] == "-");
  BOOST_TEST(w["【連載】川辺の話　第3回"] == "-");
  BOOST_TEST(ex.find("名前（行のみ）: induced") != std::string::npos, ex);
  // Idempotent: a second run keeps the turns and the people.
  std::string once = tei::write(doc);
  Document again = tei::read(once);
  annotate_speakers(again, SpeakerOptions{});
  BOOST_TEST(tei::write(again) == once);
}

BOOST_AUTO_TEST_CASE(an_advice_column_asks_and_answers_once) {
  // 【相談】 and 【回答】 each once: no name recurs, but an asking word followed by an answer is a
  // pair of labels; the answer goes on under its own subheading; the profile after it is out.
  std::string text =
      "【住まいのQ&A】雨漏りの修理費は誰が払う？\n"
      "読者の悩みに、建築士の西山拓也さんが答えます。\n"
      "【相談】\n"
      "賃貸マンションの天井から雨漏りがします。修理費を請求されました。払うべきでしょうか。（愛知県・30代男性）\n"
      "【回答】\n"
      "建物の修繕は、原則として貸主の負担です。\n"
      "■ まず管理会社に連絡を\n"
      "写真を撮って、すぐに管理会社へ伝えてください。\n"
      "西山拓也（にしやま・たくや）　一級建築士。住宅の相談を多く受けている。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["賃貸マンションの天井から雨漏りがします。修理費を請求されました。払うべきでしょうか。（愛知県・30代男性）"] ==
             "【相談】|相談");
  BOOST_TEST(w["建物の修繕は、原則として貸主の負担です。"] == "【回答】|西山拓也");  // named by the lead
  BOOST_TEST(w["■ まず管理会社に連絡を"] == "-");
  BOOST_TEST(w["写真を撮って、すぐに管理会社へ伝えてください。"] == "|西山拓也");  // under the subheading: the same person
  BOOST_TEST(w["西山拓也（にしやま・たくや）　一級建築士。住宅の相談を多く受けている。"] == "-");
  BOOST_TEST(w["読者の悩みに、建築士の西山拓也さんが答えます。"] == "-");
  BOOST_TEST(ex.find("a question-and-answer pair") != std::string::npos, ex);
  std::map<std::string, std::string> roles;
  for (auto& p : doc.header.persons) roles[p.name] = p.role;
  BOOST_TEST(roles["相談"] == "asker");
  BOOST_TEST(roles["西山拓也"] == "explainer");
  // Idempotent, @cert included: a second run reads the whole-line 【相談】 it put in <speaker>
  // as the line it was, so the turn under it goes on as surely as before.
  std::string once = tei::write(doc);
  Document again = tei::read(once);
  annotate_speakers(again, SpeakerOptions{});
  BOOST_TEST(tei::write(again) == once);

  // Inline, with the answerer named in the label (相談者： … FP・川端：).
  Document chat = annotated(
      "オンライン相談の記録\n"
      "相談者：来月退去します。敷金は戻りますか。\n"
      "FP・川端：契約書の特約をまず確認してください。\n");
  auto c = who_says(chat);
  BOOST_TEST(c["来月退去します。敷金は戻りますか。"] == "相談者：|相談者");
  BOOST_TEST(c["契約書の特約をまず確認してください。"] == "FP・川端：|川端");
}

BOOST_AUTO_TEST_CASE(question_marks_under_a_name_heading_and_answers_by_title) {
  // A council newsletter: 問 under a heading that names the member who asks, 答 with the title
  // of the official who answers. The title is in <speaker>, not in the sentence; each official
  // and each member is one person; the newsletter's title and dateline in the same shape before
  // the first question are no labels.
  std::string text =
      "さくら町議会だより　第12号\n"
      "令和8年5月1日発行　さくら町議会\n"
      "3月定例会では2人の議員が一般質問を行いました。\n"
      "一般質問　森田陽子議員\n"
      "問　公民館の耐震化はいつ終わるのか。\n"
      "答　教育長　来年度中に工事を終える予定です。\n"
      "問　工事中の代わりの会場はどうするのか。\n"
      "答　生涯学習課長　小学校の体育館を使えるよう調整しています。\n"
      "◆上原勝 議員（さくらの会）\n"
      "問　路線バスの減便にどう対応するのか。\n"
      "答　町長　町の予算で運行を続けるよう、事業者と協議しています。\n"
      "問　デマンド交通を導入してはどうか。\n"
      "答　企画課長　近隣の町の例を調べています。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["来年度中に工事を終える予定です。"] == "答　教育長|教育長");
  BOOST_TEST(w["小学校の体育館を使えるよう調整しています。"] == "答　生涯学習課長|生涯学習課長");
  BOOST_TEST(w["公民館の耐震化はいつ終わるのか。"] == "問|森田陽子");
  BOOST_TEST(w["工事中の代わりの会場はどうするのか。"] == "問|森田陽子");
  BOOST_TEST(w["路線バスの減便にどう対応するのか。"] == "問|上原勝");
  BOOST_TEST(w["近隣の町の例を調べています。"] == "答　企画課長|企画課長");
  BOOST_TEST(w["さくら町議会だより　第12号"] == "-");
  BOOST_TEST(w["令和8年5月1日発行　さくら町議会"] == "-");
  BOOST_TEST(w["3月定例会では2人の議員が一般質問を行いました。"] == "-");
  BOOST_TEST(ex.find("before the first question") != std::string::npos);
  // A second run (the labels now in <speaker>) names the same people.
  SpeakerOptions again;
  annotate_speakers(doc, again);
  BOOST_TEST(who_says(doc) == w);
}

BOOST_AUTO_TEST_CASE(shapes_that_are_no_labels) {
  // Each text: no turn is spoken and no person found.
  const std::string texts[] = {
      // 回答： with no question before it, 質問： alone, and a key with a date after it.
      "お知らせ\n"
      "更新日：2026年9月12日\n"
      "回答：申請は窓口で受け付けています。\n"
      "受付時間は平日の9時から17時までです。\n"
      "質問：郵送でも申請できますか。\n",
      // Short headings that repeat over their paragraphs, but what follows is no speech.
      "週末の作り置き\n"
      "材料\n"
      "鶏肉300グラム、玉ねぎ1個を用意する。\n"
      "作り方\n"
      "玉ねぎを薄く切り、鶏肉と一緒に炒める。\n"
      "材料\n"
      "にんじん2本、ごま油少々を用意する。\n"
      "作り方\n"
      "にんじんを細く切り、ごま油で炒める。\n",
      // 【名前】 twice without a recurring name; 名前　value rows of a spec table.
      "新しい電動自転車を試した\n"
      "【特集】春の新製品\n"
      "【試乗】街乗りで使ってみた\n"
      "重量　18キロ\n"
      "電池　10アンペア時\n"
      "価格　12万円\n"
      "坂道でも軽く登れた。\n",
  };
  for (auto& text : texts) {
    std::string ex;
    Document doc = annotated(text, &ex);
    BOOST_TEST(doc.header.persons.empty(), text << ex);
    for (auto& d : doc.divisions)
      for (auto& t : d.turns) BOOST_TEST(!t.spoken(), text);
  }
}

BOOST_AUTO_TEST_CASE(a_short_chat_of_greetings_and_backchannels_is_speech) {
  // Five labelled lines, two names taking turns; only one line is a question, the others a
  // greeting, a thanks, a backchannel: read after the label, those are speech too.
  std::string text =
      "田中：こんにちは。\n"
      "鈴木：どうも。\n"
      "田中：元気？\n"
      "鈴木：うん。\n"
      "田中：よかった。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto who = who_says(doc);
  BOOST_TEST(who["こんにちは。"] == "田中：|田中", ex);
  BOOST_TEST(who["うん。"] == "鈴木：|鈴木", ex);
  BOOST_TEST(doc.header.persons.size() == 2u, ex);
  // The same shape before rows that are no speech stays a row: 日時：/場所： are no names, and
  // a key that recurs over values (住所：…) reads like no one talking.
  std::string rows =
      "説明会のお知らせ\n"
      "日時：3月5日\n"
      "場所：市民会館\n"
      "日時：3月12日\n"
      "場所：公民館\n";
  Document d2 = annotated(rows, &ex);
  BOOST_TEST(d2.header.persons.empty(), ex);
}

BOOST_AUTO_TEST_CASE(a_short_unlabelled_chat_is_a_dialogue_when_the_user_names_its_people) {
  // Four short paragraphs that read like talk, with fewer cues than the stage asks of a run it
  // finds by itself: a dialogue-like piece. Given --names, the user says it is a dialogue.
  std::string text =
      "明日は八時半に駅の改札前だよ。\n"
      "えー、早いなあ。お弁当どうしよう。\n"
      "コンビニで買えばいいんじゃない？\n"
      "じゃあ一緒に行こうよ。\n";
  auto run = [&](std::vector<std::string> names, std::string& ex) {
    SegmentOptions o;
    o.source_name = "t.txt";
    Document doc = segment_text(text, o);
    std::ostringstream os;
    SpeakerOptions so;
    so.explain = &os;
    so.names = std::move(names);
    annotate_speakers(doc, so);
    ex = os.str();
    return doc;
  };
  std::string ex;
  Document plain = run({}, ex);
  BOOST_TEST(ex.find("dialogue-like") != std::string::npos, ex);
  BOOST_TEST(plain.header.persons.empty(), ex);
  Document named = run({"ユイ", "ミナ"}, ex);
  BOOST_TEST(ex.find("as --names says") != std::string::npos, ex);
  auto who = who_says(named);
  BOOST_TEST(who["明日は八時半に駅の改札前だよ。"] != who["えー、早いなあ。お弁当どうしよう。"], ex);
  BOOST_TEST(who["コンビニで買えばいいんじゃない？"] != "-", ex);
  // An acknowledgement (そっか, [reaction]) is one more cue: then the stage finds it alone.
  text.replace(text.find("じゃあ"), 0, "そっか、");
  Document alone = run({}, ex);
  BOOST_TEST(ex.find("unlabelled dialogue (") != std::string::npos, ex);
  BOOST_TEST(alone.header.persons.size() == 2u, ex);
}

BOOST_AUTO_TEST_CASE(full_width_space_labels_and_profiles_after_them) {
  std::string text =
      "【座談会】町の本屋は生き残れるか\n"
      "司会　今日はよろしくお願いします。まず井上さん、いかがですか。\n"
      "井上　正直、厳しいです。\n"
      "大西　うちも同じですね。\n"
      "司会　大西さん、何が一番つらいですか。\n"
      "大西　家賃です。\n"
      "井上　そうなんですよ。\n"
      "司会　ありがとうございました。\n"
      "■出席者プロフィール\n"
      "井上一郎（いのうえ・いちろう）　書店主。1960年生まれ。\n"
      "大西花子（おおにし・はなこ）　書店員。\n";
  Document doc = annotated(text);
  auto w = who_says(doc);
  BOOST_TEST(w["正直、厳しいです。"] == "井上|井上");
  BOOST_TEST(w["家賃です。"] == "大西|大西");
  BOOST_TEST(w["井上一郎（いのうえ・いちろう）　書店主。1960年生まれ。"] == "-");
  BOOST_TEST(w["大西花子（おおにし・はなこ）　書店員。"] == "-");
}

BOOST_AUTO_TEST_CASE(a_byline_in_the_shape_of_the_post_headers_is_the_first_one) {
  // Segmentation takes the first header under the title for a byline; the others share its
  // shape, so it heads the first post. IDs tell the posters apart, a trip's post too.
  std::string text =
      "弓の調整の噂\n"
      "1：名無しさん：2026/08/01(土) 20:11:05 ID:aB3dE5fG\n"
      "次の調整で弓の会心が下がるって本当？\n"
      "2：名無しさん：2026/08/01(土) 20:12:40 ID:Xy7zW1qR\n"
      ">>1 ソースは？\n"
      "3：名無しさん：2026/08/01(土) 20:14:02 ID:aB3dE5fG\n"
      "配信のアーカイブで言ってた\n"
      "4：弓一筋◆Qw8Er7Ty：2026/08/01(土) 20:17:31 ID:Xy7zW1qR\n"
      "調整って言っただけやろ\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["次の調整で弓の会心が下がるって本当？"] == "1：名無しさん：2026/08/01(土) 20:11:05 ID:aB3dE5fG|aB3dE5fG", ex);
  BOOST_TEST(w["配信のアーカイブで言ってた"] == "3：名無しさん：2026/08/01(土) 20:14:02 ID:aB3dE5fG|aB3dE5fG");
  BOOST_TEST(w["調整って言っただけやろ"] == "4：弓一筋◆Qw8Er7Ty：2026/08/01(土) 20:17:31 ID:Xy7zW1qR|Xy7zW1qR");
  BOOST_TEST(w["弓の調整の噂"] == "-");
  BOOST_TEST(doc.header.persons.size() == 2u);
}

BOOST_AUTO_TEST_CASE(post_headers_over_their_posts) {
  std::string text =
      "【質問】自転車のタイヤの空気はどのくらいで抜けますか\n"
      "2024年5月1日 10:00　|　カテゴリ：自転車\n"
      "taro_55さん　2024/5/1 10:00\n"
      "週に一度は入れています。普通ですか？\n"
      "参考になった 3　｜　違反報告\n"
      "cycle_fanさん　回答日時：2024/5/1 12:30\n"
      "普通です。2週間に一度で十分です。\n"
      "チューブの種類にもよります。\n"
      "参考になった 12　｜　違反報告\n"
      "関連する質問\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["週に一度は入れています。普通ですか？"] == "taro_55さん　2024/5/1 10:00|taro_55", ex);
  BOOST_TEST(w["チューブの種類にもよります。"] == "cycle_fanさん　回答日時：2024/5/1 12:30|cycle_fan");
  BOOST_TEST(w["参考になった 3　｜　違反報告"] == "-");  // furniture closes the post
  BOOST_TEST(w["2024年5月1日 10:00　|　カテゴリ：自転車"] == "-");  // a dateline is no header
  // The header line's text is the <speaker>, kept verbatim, and no sentence.
  for (auto* s : doc.sentences()) BOOST_TEST(s->text.find("2024/5/1 10:00") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_same_handle_on_every_post_means_ids_tell_posters_apart) {
  std::string text =
      "【雑談】今日の夕飯なに？\n"
      "1: 名無しさん 2024/06/01(土) 18:00:01.10 ID:aaaa1111\n"
      "カレー\n"
      "2: 名無しさん 2024/06/01(土) 18:01:12.20 ID:bbbb2222\n"
      ">>1\n"
      "ええな\n"
      "3: 名無しさん 2024/06/01(土) 18:02:30.30 ID:aaaa1111\n"
      "せやろ\n";
  Document doc = annotated(text);
  auto w = who_says(doc);
  BOOST_TEST(w["カレー"].substr(w["カレー"].find('|')) == "|aaaa1111");
  BOOST_TEST(w["せやろ"].substr(w["せやろ"].find('|')) == "|aaaa1111");
  BOOST_TEST(w["ええな"].substr(w["ええな"].find('|')) == "|bbbb2222");
  BOOST_TEST(doc.header.persons.size() == 2u);
}

namespace {

// The persName of every declared person, in order.
std::vector<std::string> person_names(const Document& doc) {
  std::vector<std::string> out;
  for (auto& p : doc.header.persons) out.push_back(p.name);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(rows_of_keys_and_values_and_credits_are_no_labels) {
  // A lab's data as ・key：value rows (each key once, the values sentences or not), then an
  // interview in 教授：/院生A： labels, then credits: only the two who speak take part.
  std::string text =
      "海の森を育てる研究室を訪ねて\n"
      "北浜大学の海洋生態学研究室では、藻場の再生に取り組んでいる。教授と院生に話を聞いた。\n"
      "研究室データ\n"
      "・研究室名：海洋生態学研究室\n"
      "・所在地：北浜市港町3丁目\n"
      "・研究テーマ：海藻の群落が回復する条件を調べています。\n"
      "・メンバー：教員2名、院生5名\n"
      "・設立：2019年\n"
      "教授：うちの研究室は、海藻がなくなった磯を森に戻すことを目標にしています。\n"
      "院生A：私は毎月、潜って海藻の量を数えています。冬は本当に寒いんですよ。\n"
      "教授：地道な記録が一番の財産なんです。\n"
      "院生A：最初は数えるだけで何がわかるのかと思っていました。\n"
      "教授：それでいいんです。わからないところから始めるのが研究ですから。\n"
      "研究の成果は来年の学会で発表する予定だ。\n"
      "取材・撮影：山田一郎\n"
      "構成：佐藤花子\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  BOOST_TEST((person_names(doc) == std::vector<std::string>{"教授", "院生A"}), ex);
  auto w = who_says(doc);
  BOOST_TEST(w["・研究テーマ：海藻の群落が回復する条件を調べています。"] == "-", ex);
  BOOST_TEST(w["・所在地：北浜市港町3丁目"] == "-");
  BOOST_TEST(w["取材・撮影：山田一郎"] == "-");
  BOOST_TEST(w["構成：佐藤花子"] == "-");
  BOOST_TEST(w["私は毎月、潜って海藻の量を数えています。冬は本当に寒いんですよ。"] == "院生A：|院生A");
  // Rows without bullets, three in a row, between the turns: no labels either.
  std::string plain =
      "教授：海藻は海の森です。\n"
      "院生A：毎月数えています。\n"
      "研究テーマ：藻場の回復を調べています。\n"
      "主な調査地：北浜湾の東側の磯です。\n"
      "活動日：毎週火曜と金曜に潜ります。\n"
      "教授：記録が財産なんです。\n"
      "院生A：面白いですよ。\n";
  Document p = annotated(plain, &ex);
  BOOST_TEST((person_names(p) == std::vector<std::string>{"教授", "院生A"}), ex);
  BOOST_TEST(ex.find("a row of a list of keys and values") != std::string::npos, ex);
  // The same rows as a bulleted list of paragraphs, the first lines of the page.
  Document b = annotated("・所在地：北浜市港町3丁目\n・研究室名：海洋生態学研究室\n" + plain, &ex);
  BOOST_TEST((person_names(b) == std::vector<std::string>{"教授", "院生A"}), ex);
}

BOOST_AUTO_TEST_CASE(a_lone_question_and_answer_pair_in_patch_notes_is_an_faq) {
  std::string text =
      "ver.2.4.0 アップデートのお知らせ\n"
      "いつも「星海クロニクル」をお楽しみいただき、ありがとうございます。\n"
      "本日のメンテナンス後、以下の内容を反映しました。\n"
      "新機能\n"
      "フレンドとの協力バトルを追加しました。\n"
      "装備の一括売却ができるようになりました。\n"
      "不具合の修正\n"
      "一部の端末で起動時に停止する問題を修正しました。\n"
      "ランキングの表示が遅れる問題を修正しました。\n"
      "イベント報酬の受け取りができない場合がある問題を修正しました。\n"
      "よくあるお問い合わせ\n"
      "Q.アップデート後にデータは引き継がれますか？\n"
      "A.はい、自動で引き継がれます。再ログインの必要もありません。\n"
      "今後とも「星海クロニクル」をよろしくお願いいたします。\n"
      "運営チーム\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  BOOST_TEST(doc.header.persons.empty(), ex);
  for (auto& d : doc.divisions)
    for (auto& t : d.turns) BOOST_TEST(!t.spoken());
  // The question is the heading over its answer.
  bool heading = false;
  for (auto& d : doc.divisions)
    for (auto& t : d.turns)
      for (auto& b : t.blocks)
        if (b.kind == BlockKind::head && leaf_text(b.leaves[0]).find("引き継がれますか") != std::string::npos) heading = true;
  BOOST_TEST(heading, ex);
  // The same pair over most of a short page is an interview.
  std::string qa =
      "新作の魅力をプロデューサーに聞いた\n"
      "Q.新作の見どころは何ですか？\n"
      "A.協力バトルです。友だちと一緒に遊べるのが一番の魅力ですね。\n"
      "Q.開発で苦労したことは？\n"
      "A.通信の遅れをなくすことに一年かかりました。\n";
  Document i = annotated(qa, &ex);
  BOOST_TEST(i.header.persons.size() == 2u, ex);
}

BOOST_AUTO_TEST_CASE(an_faq_pair_after_paragraphs_of_its_division_opens_a_division) {
  // The pair comes after the comment's paragraphs, in the same division: a <head> there is not
  // TEI, so the question opens a division of its own, as its heading, outside every turn, and the
  // document validates.
  std::string text =
      "【値下げ】北浜駅徒歩6分　3LDK・東南角部屋　内装リフォーム済み\n"
      "掲載日：2026年11月20日　更新日：2026年12月1日\n"
      "写真：明るいダイニング（2026年11月撮影）\n"
      "■物件概要\n"
      "価格：3,150万円（税込）\n"
      "所在地：北浜市港南町1丁目\n"
      "間取り：3LDK　専有面積70.2㎡\n"
      "築年月：2001年9月（築25年）\n"
      "管理費・修繕積立金：月額2万3,000円\n"
      "■担当者コメント\n"
      "ひばり不動産 北浜店　営業担当・森下\n"
      "今年の春に床と壁紙を張り替えており、家具を入れればすぐに暮らせる状態です。売主様によると、両隣は長く住んでいる方ばかりで、トラブルは一度もなかったとのことです。\n"
      "駅の北側では2029年に大型商業施設が開業する予定で、この辺りの人気はさらに高まるとみられます。ご案内が続いていますので、早めに決まるかもしれません。\n"
      "在宅で仕事をされる方には、特におすすめできるお部屋だと思います。\n"
      "Q．駐車場はありますか？\n"
      "A．敷地内に平置きの駐車場があり、現在1台分の空きがあります。\n"
      "※掲載情報は2026年12月1日時点のものです。ご成約済みの場合はご容赦ください。\n"
      "お問い合わせ：ひばり不動産 北浜店　TEL 0120-987-654（10時〜18時・火曜定休）\n"
      "この物件を見た人はこんな物件も見ています\n"
      "北浜駅徒歩10分　2LDK　2,680万円\n"
      "お気に入りに追加　内見予約をする\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  BOOST_TEST(doc.header.persons.empty(), ex);
  bool question_seen = false;
  for (auto& d : doc.divisions) {
    bool first = true;
    for (auto& t : d.turns) {
      BOOST_TEST(!t.spoken(), ex);
      for (auto& b : t.blocks) {
        if (leaf_text(b.leaves[0]).find("駐車場はありますか") != std::string::npos) {
          question_seen = true;
          BOOST_TEST((b.kind == BlockKind::head), ex);
          BOOST_TEST(first, "the question opens its division");
          BOOST_TEST(d.type == "article");
        }
        first = false;
      }
    }
  }
  BOOST_TEST(question_seen);
  // Still so when the speakers run again on what they wrote.
  std::string once = tei::write(doc);
  Document again = tei::read(once);
  annotate_speakers(again, SpeakerOptions{});
  BOOST_TEST(tei::write(again) == once);
  Validator v(default_schema_path());
  auto problems = v.validate(tei::write(doc), "faq.tei.xml");
  BOOST_TEST(problems.empty(), (problems.empty() ? std::string() : problems[0].message));
}

BOOST_AUTO_TEST_CASE(a_label_on_a_divisions_first_line_leaves_its_headings_on_top) {
  // A product page after an interview: the spec row "メーカー：…" repeats, so it is read as a
  // label, and the line on top of its division becomes a turn while the rating under it stays a
  // heading. A <head> after an <sp> is not TEI: the division is cut before the heading
  // (annotate.cpp, keep_tei_order) and the document validates, as it does again after a rerun.
  std::string text =
      "森本：取材の前に少しだけ補足させてください。昨日の資料には古い数字が残っていました。\n"
      "Ｉ：わかりました。では改めて伺います。\n"
      "\n"
      "メーカー：ハナミ電機\n"
      "★★★★☆ 4.0（レビュー 312件）\n"
      "価格：8,800円（税込）\n"
      "重量：約1.5kg\n"
      "定格出力：300W\n"
      "音がとても静かで、寝室でも気になりませんでした。買ってよかったです。\n"
      "メーカー：ハナミ電機\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  std::string once = tei::write(doc);
  Validator v(default_schema_path());
  auto problems = v.validate(once, "product.tei.xml");
  BOOST_TEST(problems.empty(), (problems.empty() ? std::string() : problems[0].message) << ex);
  for (auto& d : doc.divisions) {
    bool body = false;
    for (auto& t : d.turns) {
      if (t.spoken()) body = true;
      for (auto& b : t.blocks) {
        if (b.kind == BlockKind::head) BOOST_TEST(!body, "a heading after the body of its division");
        else if (!t.spoken()) body = true;
      }
    }
  }
  Document again = tei::read(once);
  annotate_speakers(again, SpeakerOptions{});
  BOOST_TEST(tei::write(again) == once);
}

BOOST_AUTO_TEST_CASE(a_name_with_a_space_keeps_its_family_name) {
  std::string text =
      "地元の味を伝える店主に聞く\n"
      "港町の食堂を営む三浦 早苗さんに、店のこれまでを聞いた。\n"
      "三浦 早苗：店を開いたのは二十年前です。最初は常連さんもいませんでした。\n"
      "聞き手：どうやってお客さんを増やしたんですか。\n"
      "三浦 早苗：毎朝、市場で一番いい魚を選ぶことだけは続けてきました。\n"
      "聞き手：これからの目標は何ですか。\n"
      "三浦：娘に店を継いでもらえたらうれしいですね。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["店を開いたのは二十年前です。最初は常連さんもいませんでした。"] == "三浦 早苗：|三浦 早苗", ex);
  BOOST_TEST(w["娘に店を継いでもらえたらうれしいですね。"] == "三浦：|三浦 早苗");  // declared once
  BOOST_TEST((person_names(doc) == std::vector<std::string>{"三浦 早苗", "聞き手"}), ex);
  // A dash interview: the interviewee named by the lead keeps the family name.
  std::string dash =
      "港町の食堂を営む三浦 早苗さんに話を聞いた。\n"
      "――店を開いたのはいつですか。\n"
      "二十年前です。最初は常連さんもいませんでした。\n"
      "――お客さんはどうやって増えたのですか。\n"
      "毎朝、市場で一番いい魚を選ぶことだけは続けてきました。\n";
  Document d = annotated(dash, &ex);
  std::vector<std::string> names = person_names(d);
  BOOST_TEST((std::find(names.begin(), names.end(), "三浦 早苗") != names.end()), ex);
}

BOOST_AUTO_TEST_CASE(a_title_label_under_a_heading_that_names_its_holder) {
  // ◆議員　… in every section: the label names the office, the heading over the section the
  // member who holds it; the officials answer under their own titles.
  std::string text =
      "ひばり市議会だより\n"
      "子どもの居場所づくりを\n"
      "◆高田美和議員（市民クラブ）\n"
      "◆議員　放課後に子どもが過ごせる場所が足りない。市の現状認識は。\n"
      "◎市長　待機児童は47人でした。重く受け止めています。\n"
      "◆議員　空き教室を使ったクラブの開設はできないのか。\n"
      "◎教育長　来年度、二つの小学校で協議しています。\n"
      "公共交通の空白地帯の解消を\n"
      "◆佐野修二議員（未来ひばり）\n"
      "◆議員　北部地区ではバスの減便が続いている。対策は。\n"
      "◎市長　予約制の乗合タクシーを検討しています。\n"
      "◆議員　実証運行はいつから始めるのか。\n"
      "◎市長　来年4月からを予定しています。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["放課後に子どもが過ごせる場所が足りない。市の現状認識は。"] == "◆議員|高田美和", ex);
  BOOST_TEST(w["実証運行はいつから始めるのか。"] == "◆議員|佐野修二");
  BOOST_TEST(w["来年度、二つの小学校で協議しています。"] == "◎教育長|教育長");
  BOOST_TEST(w["◆高田美和議員（市民クラブ）"] == "-");
  // The member's line is the heading of the section.
  int heads = 0;
  for (auto& d : doc.divisions)
    for (auto& t : d.turns)
      for (auto& b : t.blocks)
        if (b.kind == BlockKind::head && leaf_text(b.leaves[0]).find("議員（") != std::string::npos) ++heads;
  BOOST_TEST(heads == 2);
  std::string once = tei::write(doc);
  Document again = tei::read(once);
  annotate_speakers(again, SpeakerOptions{});
  BOOST_TEST(tei::write(again) == once);
}

BOOST_AUTO_TEST_CASE(post_headers_with_a_mark_or_an_id_without_a_date) {
  // ■ before the number (segmentation makes each header line a list item), or an ID and no date.
  for (std::string h : {"■%d 名無しの冒険者 2026/10/02(金) 21:0%d:11 ID:%s", "%d 名無しの冒険者 ID:%s"}) {
    std::string text = "【噂】次のパッチで召喚士が強くなるって本当？\n";
    const char* ids[] = {"Kx9mP2qL", "Tr4vB8nM", "Kx9mP2qL"};
    const char* bodies[] = {"海外の掲示板で話が出てる", ">>1\nソースがそれだけならガセだろ", ">>2\nテストサーバーのデータらしい"};
    for (int n = 1; n <= 3; ++n) {
      char line[160];
      if (h[0] == '%') std::snprintf(line, sizeof line, h.c_str(), n, ids[n - 1]);
      else std::snprintf(line, sizeof line, h.c_str(), n, n, ids[n - 1]);
      text += std::string(line) + "\n" + bodies[n - 1] + "\n";
    }
    std::string ex;
    Document doc = annotated(text, &ex);
    auto w = who_says(doc);
    BOOST_TEST(w["海外の掲示板で話が出てる"].substr(w["海外の掲示板で話が出てる"].find('|')) == "|Kx9mP2qL", ex);
    BOOST_TEST(w["テストサーバーのデータらしい"].substr(w["テストサーバーのデータらしい"].find('|')) == "|Kx9mP2qL");
    BOOST_TEST(w["ソースがそれだけならガセだろ"].substr(w["ソースがそれだけならガセだろ"].find('|')) == "|Tr4vB8nM");
  }
}

BOOST_AUTO_TEST_CASE(minutes_labels_name_their_speaker_when_only_the_chair_speaks_again) {
  // A plenary that passes one bill: the chair speaks between every other speaker, who each speak
  // once. Office (or seat) and holder after a mark are the minutes' own labels: the style holds
  // with one recurring name, and a line without a label goes on with the turn before it.
  std::string text =
      "令和７年第２回定例会　本会議（第３号）\n"
      "午前１０時開議\n"
      "○議長（森田和夫君）　ただいまから本日の会議を開きます。議案第１２号を議題といたします。委員長の報告を求めます。\n"
      "○総務委員長（川村直子君）　総務委員会の審査の結果を御報告いたします。本案は可決すべきものと決定いたしました。\n"
      "委員会では、経費の見通しについて質疑がありました。\n"
      "○議長（森田和夫君）　これより討論に入ります。発言を許します。\n"
      "○５番（大野健一君）　私は本案に賛成の立場から討論いたします。\n"
      "○議長（森田和夫君）　これより採決いたします。本案は原案のとおり可決されました。\n"
      "○町長（北村里美君）　ただいまは御可決いただき、ありがとうございました。\n"
      "○議長（森田和夫君）　本日はこれにて散会いたします。\n"
      "午前１０時４０分散会\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["総務委員会の審査の結果を御報告いたします。本案は可決すべきものと決定いたしました。"] ==
                 "○総務委員長（川村直子君）|川村直子",
             ex);
  BOOST_TEST(w["委員会では、経費の見通しについて質疑がありました。"] == "○総務委員長（川村直子君）|川村直子");
  BOOST_TEST(w["私は本案に賛成の立場から討論いたします。"] == "○５番（大野健一君）|大野健一");
  BOOST_TEST(w["本日はこれにて散会いたします。"] == "○議長（森田和夫君）|森田和夫");
  BOOST_TEST(w["午前１０時開議"] == "-");
  BOOST_TEST(ex.find("minutes' labels") != std::string::npos, ex);
  // The same shape with a name and a space but no office or seat still needs two recurring names.
  std::string plain =
      "○森田　ただいまから始めます。\n"
      "○川村　報告いたします。\n"
      "○森田　討論に入ります。\n"
      "○大野　賛成いたします。\n";
  Document d = annotated(plain, &ex);
  BOOST_TEST(who_says(d)["○川村　報告いたします。"] == "-", ex);
}

BOOST_AUTO_TEST_CASE(voiceless_answers_under_plain_headings_are_an_faq) {
  // A city's よくある質問: Q．/A． pairs grouped under short headings with no sentence end, every
  // answer in the office's impersonal voice. No one says them: the questions head their answers.
  const std::string head =
      "図書館の利用案内　よくある質問\n"
      "市立図書館の利用について、多く寄せられる質問をまとめました。\n"
      "貸し出しについて\n"
      "Q．一度に何冊まで借りられますか。\n"
      "A．お一人10冊まで、2週間借りることができます。\n"
      "Q．返却が遅れた場合はどうなりますか。\n"
      "A．遅れた日数と同じ日数、新たな貸し出しができなくなります。\n"
      "予約について\n"
      "Q．予約した本はどこで受け取れますか。\n";
  std::string ex;
  Document faq = annotated(head + "A．市内の全ての分館で受け取ることができます。\n", &ex);
  BOOST_TEST(faq.header.persons.empty(), ex);
  BOOST_TEST(ex.find("no one's voice") != std::string::npos, ex);
  auto w = who_says(faq);
  BOOST_TEST(w["Q．一度に何冊まで借りられますか。"] == "-");
  BOOST_TEST(w["A．お一人10冊まで、2週間借りることができます。"] == "-");
  // One answer in the first person: someone answers, and the pairs are turns.
  Document said = annotated(head + "A．私はいつも駅前の分館で受け取っています。\n", &ex);
  BOOST_TEST(who_says(said)["お一人10冊まで、2週間借りることができます。"].rfind("A．|", 0) == 0, ex);
  // An answer that ends as a person speaks of themself ([voice-end]: …と思います), without a
  // first-person word: an author answering readers, turns too (fresh30's afterword Q&A).
  Document thinks = annotated(head + "A．いつか分館を全部回ってみたいと思います。\n", &ex);
  BOOST_TEST(who_says(thinks)["お一人10冊まで、2週間借りることができます。"].rfind("A．|", 0) == 0, ex);
}

BOOST_AUTO_TEST_CASE(a_name_and_a_space_that_answers_the_dash_is_a_label) {
  // An interview through an interpreter: ―― asks, マルティン　 answers each time, 通訳　 once. A
  // name and a space need two recurring names, unless the lines answer an accepted style's lines.
  std::string text =
      "ベルリンの時計職人に聞く\n"
      "時計職人のマルティン・ヴェーバーさんに、通訳を介して話を聞いた。\n"
      "――職人になったきっかけは。\n"
      "マルティン　祖父の工房で、止まった時計が動き出すのを見たことです。\n"
      "――日本の印象は。\n"
      "マルティン　道具を大切にする人が多いと感じます。\n"
      "通訳　マルティンさんは、研いだ刃物の話を何度もしていました。\n"
      "――若い職人に一言。\n"
      "マルティン　急がないことです。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["祖父の工房で、止まった時計が動き出すのを見たことです。"] == "マルティン|マルティン", ex);
  BOOST_TEST(w["マルティンさんは、研いだ刃物の話を何度もしていました。"] == "通訳|通訳", ex);
  BOOST_TEST(w["急がないことです。"] == "マルティン|マルティン", ex);
  BOOST_TEST(ex.find("answer the lines of another style") != std::string::npos, ex);
}
