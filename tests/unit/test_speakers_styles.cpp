// Label styles induced from shapes the document repeats (lib/src/speakers/labels.cpp,
// induce.cpp, names.cpp): a chat log's timestamp and handle before each message, names between
// angle brackets of any width, role labels (Q. A.) and the names an attendee list gives.
#define BOOST_TEST_MODULE speakers_styles
#include <boost/test/unit_test.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "jatei/export.hpp"
#include "jatei/segment.hpp"
#include "jatei/speakers.hpp"
#include "jatei/tei.hpp"
#include "speakers_fixture.hpp"

using namespace jatei;

namespace {

using speakers_fixture::annotated;
using speakers_fixture::who_says;

int turns(const Document& doc) {
  int n = 0;
  for (auto& d : doc.divisions)
    for (auto& t : d.turns) n += t.spoken();
  return n;
}

std::string chat(const std::string& sep, bool brackets) {
  auto line = [&](const std::string& time, const std::string& name, const std::string& msg) {
    return (brackets ? "[" + time + "]" : time) + sep + name + sep + msg + "\n";
  };
  return "【トーク履歴】写真部\n"
         "2025/06/01(日)\n" +
         line("10:02", "ゆうき", "明日の練習って何時からだっけ？") + line("10:05", "まい", "9時半集合だよ！") +
         line("10:05", "まい", "雨だったら中止かも") + line("10:07", "ゆうき", "了解〜") +
         "2025/06/02(月)\n" + line("09:12", "Ken", "コーチが来週から新しい人になるらしいよ") +
         line("09:13", "まい", "え、ほんと？誰？") + line("09:15", "Ken", "元実業団の人って聞いた") +
         line("09:16", "ゆうき", "まじか、厳しそう（笑）");
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_chat_log_with_a_time_and_a_handle_before_each_message) {
  // A LINE export writes a tab between time, name and message; others a space; some a
  // bracketed time. Each is a label style: the label (time included) goes to <speaker>.
  for (std::string sep : {" ", "\t"})
    for (bool brackets : {false, true}) {
      std::string ex;
      Document doc = annotated(chat(sep, brackets), &ex);
      auto w = who_says(doc);
      std::string t = brackets ? "[10:02]" : "10:02";
      BOOST_TEST(turns(doc) == 8, ex);
      BOOST_TEST(w["明日の練習って何時からだっけ？"] == t + sep + "ゆうき|ゆうき", ex);
      BOOST_TEST(w["元実業団の人って聞いた"] == (brackets ? "[09:15]" : "09:15") + sep + "Ken|Ken", ex);
      // The date lines between the runs of messages are no one's turn.
      BOOST_TEST(w["2025/06/01(日)"] == "-", ex);
      BOOST_TEST(w["2025/06/02(月)"] == "-", ex);
      // One person per handle, whatever the time.
      BOOST_TEST(doc.header.persons.size() == 3u, ex);
      BOOST_TEST(ex.find(brackets ? "label shape [時刻] 名前　: induced" : "label shape 時刻 名前　: induced") !=
                     std::string::npos,
                 ex);
    }
}

BOOST_AUTO_TEST_CASE(a_time_and_a_word_once_is_no_chat_log) {
  // A schedule with times before words, no word repeated: no label style.
  std::string text =
      "当日の流れ\n"
      "10:00 開場 受付は一階です。\n"
      "10:30 開会 館長があいさつします。\n"
      "11:00 講演 講師が話します。\n"
      "12:00 昼食 各自でおとりください。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  BOOST_TEST(turns(doc) == 0, ex);
}

BOOST_AUTO_TEST_CASE(names_between_angle_brackets_of_any_width) {
  for (auto [open, close] : std::vector<std::pair<std::string, std::string>>{
           {"＜", "＞"}, {"<", ">"}, {"〈", "〉"}, {"《", "》"}}) {
    std::string text = "特集インタビュー\n"
                       "書店の二代目、北川真理子さんに話を聞いた。\n" +
                       open + "編集部" + close + " まず、お店を継いだきっかけを教えてください。\n" + open + "北川" +
                       close + " 父が倒れたのがきっかけです。最初は半年だけのつもりでした。\n" + open + "編集部" +
                       close + " ネット書店の影響はありますか？\n" + open + "北川" + close +
                       " もちろんあります。売り上げは半分くらいだと思います。\n"
                       "でも、子どもの本の相談に来るお客さんは増えているんです。\n" +
                       open + "編集部" + close + " 今後はどうしますか。\n" + open + "北川" + close +
                       " 来年はカフェを併設する予定です。\n";
    std::string ex;
    Document doc = annotated(text, &ex);
    auto w = who_says(doc);
    // The label is out of the sentence (a translator's segment does not begin with it).
    BOOST_TEST(w["まず、お店を継いだきっかけを教えてください。"] == open + "編集部" + close + "|編集部", ex);
    BOOST_TEST(w["でも、子どもの本の相談に来るお客さんは増えているんです。"] == open + "北川" + close + "|北川", ex);
    BOOST_TEST(w["書店の二代目、北川真理子さんに話を聞いた。"] == "-");
    BOOST_TEST(turns(doc) == 6, ex);
  }
}

BOOST_AUTO_TEST_CASE(question_and_answer_marks_declare_roles_not_people) {
  std::string text =
      "新サービス担当者に聞く\n"
      "開発の経緯について担当者に話を聞いた。\n"
      "Q: 開発のきっかけは何ですか？\n"
      "A: 利用者の声です。使いにくいという意見が多かったんです。\n"
      "Q: 苦労した点はありますか？\n"
      "A: 検証に時間がかかりました。半年かかったと思います。\n"
      "Q: 今後の予定は？\n"
      "A: 来年には海外でも始めます。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  BOOST_TEST_REQUIRE(doc.header.persons.size() == 2u, ex);
  for (auto& p : doc.header.persons) {
    BOOST_TEST(p.name != "Q");
    BOOST_TEST(p.name != "A");
  }
  BOOST_TEST(doc.header.persons[0].role == "interviewer");
  BOOST_TEST(doc.header.persons[1].role == "interviewee");
  // The review page shows the role where no name is known, never the internal id.
  std::string html = export_html(doc);
  BOOST_TEST(html.find(">spk1<") == std::string::npos);
  BOOST_TEST(html.find(">interviewer<") != std::string::npos);
  // A byline that names the interviewer names the Q. person.
  Document named = annotated("聞き手：森田あかね\n" + text.substr(text.find("Q:")), &ex);
  BOOST_TEST_REQUIRE(!named.header.persons.empty(), ex);
  BOOST_TEST(named.header.persons[0].name == "森田あかね", ex);
}

BOOST_AUTO_TEST_CASE(an_attendee_list_gives_the_full_names_of_short_labels) {
  std::string text =
      "座談会　これからの働き方\n"
      "出席者：佐藤花子（人事部）、ジョン・スミス、司会 森\n"
      "司会：では始めます。まず自己紹介をお願いします。\n"
      "佐藤さん：人事部の佐藤です。よろしくお願いします。\n"
      "スミス氏：スミスです。エンジニアをしています。\n"
      "司会：リモートワークはどうですか？\n"
      "佐藤さん：便利ですが、雑談が減りましたね。\n"
      "ジョン・スミス：私は集中できるので好きです。\n"
      "司会：ありがとうございました。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  auto w = who_says(doc);
  BOOST_TEST(w["人事部の佐藤です。よろしくお願いします。"] == "佐藤さん：|佐藤花子", ex);
  BOOST_TEST(w["スミスです。エンジニアをしています。"] == "スミス氏：|ジョン・スミス", ex);
  // スミス氏： and ジョン・スミス： are one person, declared once.
  BOOST_TEST(w["私は集中できるので好きです。"] == "ジョン・スミス：|ジョン・スミス", ex);
  BOOST_TEST(doc.header.persons.size() == 3u, ex);
  BOOST_TEST(w["出席者：佐藤花子（人事部）、ジョン・スミス、司会 森"] == "-");
  // A word of office in the list is no part of a name (not 司会 森).
  BOOST_TEST(w["ありがとうございました。"] == "司会：|司会", ex);
}

BOOST_AUTO_TEST_CASE(the_review_page_names_an_interviewer_labelled_on_every_question) {
  // An answer that goes on over a line without a label made this an unmarked interview, its
  // interviewer declared without a name (the review page showed spk1): the labels are a style.
  std::string text =
      "特集インタビュー\n"
      "文・写真：編集部\n"
      "書店の二代目、北川真理子さんに話を聞いた。\n"
      "＜編集部＞ まず、お店を継いだきっかけを教えてください。\n"
      "＜北川＞ 父が倒れたのがきっかけです。最初は半年だけのつもりでした。\n"
      "＜編集部＞ ネット書店の影響はありますか？\n"
      "＜北川＞ もちろんあります。売り上げはピークの半分くらいだと思います。\n"
      "でも、子どもの本の相談に来るお客さんは増えているんです。\n"
      "＜編集部＞ 今後はどうしますか。\n"
      "＜北川＞ 来年はカフェを併設する予定です。\n";
  std::string ex;
  Document doc = annotated(text, &ex);
  BOOST_TEST_REQUIRE(doc.header.persons.size() == 2u, ex);
  BOOST_TEST(doc.header.persons[0].name == "編集部", ex);
  BOOST_TEST(doc.header.persons[0].role == "interviewer", ex);
  std::string html = export_html(doc);
  BOOST_TEST(html.find(">spk1<") == std::string::npos);
  BOOST_TEST(html.find(">spk2<") == std::string::npos);
}
