// Speakers on genres the label and dialogue rules were not written for: one person's speech
// with no label (a monologue).
#define BOOST_TEST_MODULE speakers_genres
#include <boost/test/unit_test.hpp>

#include <string>

#include "jatei/segment.hpp"
#include "jatei/speakers.hpp"
#include "speakers_fixture.hpp"

using namespace jatei;

namespace {

using speakers_fixture::annotated;
using speakers_fixture::who_says;

std::string role_of(const Document& doc, const std::string& name) {
  for (auto& p : doc.header.persons)
    if (p.name == name) return p.role;
  return "?";
}

const char* const kSpeech =
    "第12回　市民フォーラム　基調講演（書き起こし）\n"
    "2026年10月3日\n"
    "9月28日に市民会館で開かれたフォーラムで、港湾の歴史に詳しい沢口千尋・北浜大学教授が講演した。その内容を紹介する。\n"
    "皆さん、こんにちは。ただいまご紹介にあずかりました沢口です。今日は港町の150年について、少しお話しさせていただきます。\n"
    "この町の港は、もともと小さな漁港でした。明治の半ばに鉄道がつながり、一気に貿易港へと姿を変えます。\n"
    "■戦後の復興\n"
    "戦争で港の大半は焼けましたが、10年ほどで取扱量は戦前を上回りました。私はこの速さに、町の人たちの粘り強さを感じます。\n"
    "（会場のスクリーンに当時の写真）\n"
    "こちらが1955年の岸壁です。ご覧ください、人の多さに驚かされます。\n"
    "これからの港は、観光と物流をどう両立させるかが問われるでしょう。\n"
    "ご清聴ありがとうございました。\n"
    "※講演の内容は一部を要約しています。\n"
    "（文・市民フォーラム実行委員会）\n";

}  // namespace

BOOST_AUTO_TEST_CASE(a_speech_transcript_is_one_persons_turns) {
  std::string explain;
  Document doc = annotated(kSpeech, &explain);
  auto w = who_says(doc);
  // The speech, from its first words to the audience to its closing thanks: one person, who gives
  // the name at the opening (…沢口です), written in full in the lead (沢口千尋).
  BOOST_TEST(w["皆さん、こんにちは。ただいまご紹介にあずかりました沢口です。今日は港町の150年について、少しお話しさせていただきます。"] == "|沢口千尋");
  BOOST_TEST(w["この町の港は、もともと小さな漁港でした。明治の半ばに鉄道がつながり、一気に貿易港へと姿を変えます。"] == "|沢口千尋");
  BOOST_TEST(w["戦争で港の大半は焼けましたが、10年ほどで取扱量は戦前を上回りました。私はこの速さに、町の人たちの粘り強さを感じます。"] == "|沢口千尋");
  BOOST_TEST(w["これからの港は、観光と物流をどう両立させるかが問われるでしょう。"] == "|沢口千尋");
  BOOST_TEST(w["ご清聴ありがとうございました。"] == "|沢口千尋");
  BOOST_TEST(role_of(doc, "沢口千尋") == "speaker");
  // The written lead, the heading, a stage direction, the note and the credit stay outside.
  BOOST_TEST(w["9月28日に市民会館で開かれたフォーラムで、港湾の歴史に詳しい沢口千尋・北浜大学教授が講演した。その内容を紹介する。"] == "-");
  BOOST_TEST(w["■戦後の復興"] == "-");
  BOOST_TEST(w["（会場のスクリーンに当時の写真）"] == "-");
  BOOST_TEST(w["※講演の内容は一部を要約しています。"] == "-");
  BOOST_TEST(w["（文・市民フォーラム実行委員会）"] == "-");
  BOOST_TEST(doc.header.persons.size() == 1u);
  BOOST_TEST(explain.find("monologue of 沢口千尋") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_speech_named_by_an_attendee_line_takes_the_full_name) {
  std::string text =
      "新年度入社式　社長あいさつ全文\n"
      "登壇者：代表取締役社長　藤堂雅彦\n"
      "新入社員の皆さん、入社おめでとうございます。社長の藤堂です。\n"
      "皆さんはこれから、それぞれの職場で仕事を覚えていくことになります。最初はわからないことだらけだと思います。\n"
      "わからないことは、遠慮せずに先輩に聞いてください。聞くことは恥ずかしいことではありません。\n"
      "最後に、体を大事にしてください。皆さんの活躍を期待しています。\n";
  Document doc = annotated(text);
  auto w = who_says(doc);
  BOOST_TEST(w["新入社員の皆さん、入社おめでとうございます。社長の藤堂です。"] == "|藤堂雅彦");
  BOOST_TEST(w["最後に、体を大事にしてください。皆さんの活躍を期待しています。"] == "|藤堂雅彦");
  BOOST_TEST(w["新年度入社式　社長あいさつ全文"] == "-");
}

BOOST_AUTO_TEST_CASE(polite_prose_without_a_spoken_event_or_an_audience_stays_prose) {
  // A notice in です／ます that speaks to its readers, but names no spoken event: no turn.
  std::string notice =
      "図書館からのお知らせ\n"
      "皆さま、いつも図書館をご利用いただきありがとうございます。\n"
      "11月1日から、開館時間を夜8時まで延長します。\n"
      "返却ポストは24時間ご利用いただけます。\n"
      "ご不明な点は、カウンターまでお問い合わせください。\n";
  Document doc = annotated(notice);
  for (auto& [line, who] : who_says(doc)) BOOST_TEST(who == "-", line);
  // A report of a lecture in the writer's plain style: a spoken event, but no one speaks to an
  // audience in it.
  std::string report =
      "講演会に300人　港の歴史を学ぶ\n"
      "北浜大学の沢口千尋教授が28日、市民会館で講演した。\n"
      "沢口教授は、戦後の港が10年ほどで復興したことを紹介した。\n"
      "会場からは、観光との両立について質問が出た。\n";
  Document doc2 = annotated(report);
  for (auto& [line, who] : who_says(doc2)) BOOST_TEST(who == "-", line);
  // An event report in です／ます that thanks everyone at the end: the spoken event is named only
  // by a caption, and the thanks come after the report's own paragraphs, not after a lead.
  std::string event =
      "【開催レポート】秋の防災フェスタに500人\n"
      "10月12日、小学校の校庭で防災フェスタを開きました。\n"
      "写真：開会式であいさつする会長\n"
      "起震車の体験には、午前中から長い列ができました。\n"
      "煙体験のテントでは、姿勢を低くして進む練習をしました。\n"
      "クイズ大会には42人が参加しました。優勝は5年生のチームでした。おめでとうございます！\n"
      "ご協力いただいた皆さま、本当にありがとうございました。来年もよろしくお願いいたします。\n";
  Document doc3 = annotated(event);
  for (auto& [line, who] : who_says(doc3)) BOOST_TEST(who == "-", line);
}
