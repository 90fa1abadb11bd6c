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
using speakers_fixture::who_ids;
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

namespace {

std::string name_of(const Document& doc, const std::string& who) {
  for (auto& p : doc.header.persons)
    if ("#" + p.id == who) return p.name;
  return "?";
}

}  // namespace

BOOST_AUTO_TEST_CASE(reporters_under_one_label_who_say_who_they_are_are_several_people) {
  // 記者： for every reporter: the one who opens by saying who they are (…の大西です。 …の石川と
  //申します。) is that person, the same name again the same person, and a turn that says no one
  // goes on with the last who did (a follow-up).
  std::string ex;
  Document doc = annotated(
      "町長、定例記者会見\n"
      "町長：本日は1点ご報告いたします。来年4月からバスの路線を見直します。\n"
      "記者：港北タイムスの大西です。停留所が遠くなる地域はありますか。\n"
      "町長：北部の一部で、歩く距離が延びる世帯が出てまいります。\n"
      "記者：その地域への手当てはありますか。\n"
      "町長：予約制の乗り合いタクシーを用意します。\n"
      "記者：湘南日日新聞の石川と申します。説明会は開くのでしょうか。\n"
      "町長：10月中に、町内の4か所で開きます。\n"
      "記者：港北タイムスの大西です。運行する事業者はもう決まっていますか。\n"
      "町長：町内のタクシー会社2社と協議を進めているところです。\n",
      &ex);
  auto w = who_ids(doc);
  std::string onishi = w["港北タイムスの大西です。停留所が遠くなる地域はありますか。"];
  std::string ishikawa = w["湘南日日新聞の石川と申します。説明会は開くのでしょうか。"];
  std::string mayor = w["本日は1点ご報告いたします。来年4月からバスの路線を見直します。"];
  BOOST_TEST(onishi != ishikawa, ex);
  BOOST_TEST(onishi != mayor);
  BOOST_TEST(w["その地域への手当てはありますか。"] == onishi, ex);
  BOOST_TEST(w["港北タイムスの大西です。運行する事業者はもう決まっていますか。"] == onishi, ex);
  BOOST_TEST(name_of(doc, onishi) == "大西");
  BOOST_TEST(name_of(doc, ishikawa) == "石川");
  BOOST_TEST(doc.header.persons.size() == 3u);
}

BOOST_AUTO_TEST_CASE(an_audience_under_one_label_is_the_next_person_after_each_answer) {
  // 株主： with no one saying who they are (a summary of the questions): each question after an
  // answer is the next shareholder's, unless it follows up on the answer (関連して…, それは…); one
  // who gives no name but says who they are (株主番号…の者です) is someone new.
  std::string ex;
  Document doc = annotated(
      "定時株主総会　質疑応答の要旨\n"
      "株主：原材料が高騰していますが、値上げの予定はありますか。\n"
      "常務：秋以降、一部の商品で価格の改定を検討しております。\n"
      "株主：関連して伺います。売上が落ちる心配はないのですか。\n"
      "常務：過去の改定では、半年ほどで数量が回復しました。\n"
      "株主：配当について伺います。自社株買いは考えていないのでしょうか。\n"
      "取締役：当面は工場の設備投資を優先いたします。\n"
      "株主：工場見学会を再開する予定はありますか。\n"
      "常務：来年の春から、予約制で再開する予定です。\n",
      &ex);
  auto w = who_ids(doc);
  std::string first = w["原材料が高騰していますが、値上げの予定はありますか。"];
  std::string second = w["配当について伺います。自社株買いは考えていないのでしょうか。"];
  std::string third = w["工場見学会を再開する予定はありますか。"];
  BOOST_TEST(w["関連して伺います。売上が落ちる心配はないのですか。"] == first, ex);
  BOOST_TEST(first != second, ex);
  BOOST_TEST(second != third, ex);
  BOOST_TEST(first != third);
  BOOST_TEST(name_of(doc, second) == "株主");
  BOOST_TEST(doc.header.persons.size() == 5u);
}

BOOST_AUTO_TEST_CASE(a_reporter_label_that_never_says_who_asks_is_one_interviewer) {
  // 記者： in a one-to-one interview: no turn under it says who speaks, so it is one person,
  // however many questions (an audience's label would be several).
  Document doc = annotated(
      "社長に聞く\n"
      "記者：新工場の狙いは何ですか。\n"
      "社長：海外向けの生産を増やすためです。\n"
      "記者：投資額はどのくらいですか。\n"
      "社長：約50億円を見込んでいます。\n"
      "記者：人材の確保はどうしますか。\n"
      "社長：地元の高専と連携して採用を進めます。\n");
  auto w = who_ids(doc);
  BOOST_TEST(w["新工場の狙いは何ですか。"] == w["人材の確保はどうしますか。"]);
  BOOST_TEST(w["投資額はどのくらいですか。"] == w["新工場の狙いは何ですか。"]);
  BOOST_TEST(doc.header.persons.size() == 2u);
}

BOOST_AUTO_TEST_CASE(an_audience_word_before_a_sentence_is_a_label_and_before_names_a_list) {
  // 参加者：子どもの安全はどう守るのですか。 is one of the audience asking; 参加者：山田、田中 lists
  // who came (a key, no label).
  std::string ex;
  Document doc = annotated(
      "住民説明会の質疑\n"
      "参加者：朝の配送トラックは通学路を通るのですか。\n"
      "担当課長：配送は午前8時半以降とし、登校の時間帯は通りません。\n"
      "参加者：夜も作業をするのでしょうか。\n"
      "担当係長：調理は午後2時までで、夜間の作業はありません。\n"
      "参加者：工事はいつから始まりますか。\n"
      "担当係長：来年の春に着工します。\n",
      &ex);
  auto w = who_ids(doc);
  BOOST_TEST(w["朝の配送トラックは通学路を通るのですか。"] != "-", ex);
  BOOST_TEST(w["朝の配送トラックは通学路を通るのですか。"] != w["夜も作業をするのでしょうか。"], ex);
  Document list = annotated(
      "打ち合わせメモ\n"
      "参加者：山田、田中、佐藤\n"
      "山田：来月の予定を確認します。\n"
      "田中：資料は私が用意します。\n"
      "山田：よろしくお願いします。\n");
  BOOST_TEST(who_ids(list)["参加者：山田、田中、佐藤"] == "-");
}

BOOST_AUTO_TEST_CASE(a_transcript_with_a_time_before_each_line_is_read_as_without_it) {
  // A podcast's transcript: a time before every line, with or without a name after it.
  const std::string lines[] = {"第12回　雨の話",
                               "司会の上田と、気象の専門家の堀さんがお話しします。",
                               "こんにちは、上田です。",
                               "堀です。よろしくお願いします。",
                               "堀さん、今年の梅雨は長いんですか？",
                               "長くなりそうです。平年より一週間ほど遅れると見ています。",
                               "へえ、そうなんですか！",
                               "上田さん、洗濯物は大丈夫ですか？",
                               "実はもう部屋干しばかりで（笑）"};
  const char* names[] = {"", "", "上田", "堀", "上田", "堀", "上田", "堀", "上田"};
  auto text = [&](bool stamps, bool labels) {
    std::string t;
    for (std::size_t i = 0; i < 9; ++i) {
      if (i >= 2 && stamps) t += "[00:0" + std::to_string(i) + ":1" + std::to_string(i) + "] ";
      if (i >= 2 && labels) t += std::string(names[i]) + "：";
      t += lines[i] + "\n";
    }
    return t;
  };
  for (bool labels : {false, true}) {
    std::string ex_plain, ex_stamped;
    Document plain = annotated(text(false, labels), &ex_plain);
    Document stamped = annotated(text(true, labels), &ex_stamped);
    auto wp = who_says(plain), ws = who_says(stamped);
    // (unlabelled, the lead may open the first turn of the plain text: not of the stamped one)
    if (labels) BOOST_TEST(turns(stamped) == turns(plain), ex_stamped);
    BOOST_TEST(turns(stamped) >= 4, ex_stamped);
    for (std::size_t i = 2; i < 9; ++i) {
      std::string key = lines[i];
      std::string stamp = "[00:0" + std::to_string(i) + ":1" + std::to_string(i) + "] ";
      std::string got = ws[labels ? key : stamp + key];
      std::string want = wp[key];
      if (labels) {
        // The label keeps its time: [00:02:12] 上田：
        BOOST_TEST(got == stamp + want, key << "\n" << ex_stamped);
      } else {
        BOOST_TEST(got.substr(got.find('|')) == want.substr(want.find('|')), key << "\n" << ex_stamped);
        BOOST_TEST(got != "-", key << "\n" << ex_stamped);
      }
    }
    // The lead, before the first stamped line, is no one's turn.
    BOOST_TEST(ws[lines[1]] == "-", ex_stamped);
  }
}
