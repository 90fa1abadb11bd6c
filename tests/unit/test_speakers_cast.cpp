// The cast of an unlabelled dialogue and the names of offices (lib/src/speakers/cast.cpp,
// names.cpp): who takes part is inferred from the people the lead introduces and the names the
// dialogue calls, not assumed to be two; a vocative names the person spoken to; a word of office
// in a label stands for the person the page names in that office.
#define BOOST_TEST_MODULE speakers_cast
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include "jatei/speakers.hpp"
#include "speakers/features.hpp"
#include "speakers/model.hpp"
#include "speakers_fixture.hpp"

using namespace jatei;

namespace {

using speakers_fixture::annotated;
using speakers_fixture::who_says;

// The persName of the turn holding each line (the part after "|"), "-" outside every turn.
std::map<std::string, std::string> person_of(const Document& doc) {
  std::map<std::string, std::string> out;
  for (auto& [line, who] : who_says(doc)) out[line] = who == "-" ? who : who.substr(who.find('|') + 1);
  return out;
}

}  // namespace

// A teacher the lead names with a teaching title after the name, whom the students never call:
// the teacher still takes part, and calls the students to the floor. Without the rule the cast
// is the two students called by name and the teacher's lines go to one of them.
BOOST_AUTO_TEST_CASE(the_teacher_the_lead_names_takes_part_without_being_called) {
  const std::string text =
      "【ゼミ訪問】海岸のごみはどこから来るのか\n"
      "環境学部の川口真理子准教授のゼミを訪ねた。発表は3年生の田辺陽斗さんと早川紗希さん。二人は春から浜でごみを数えてきた。\n"
      "それでは始めます。田辺さん、まず集計の結果からお願いします。\n"
      "はい。4月から8回、同じ区間でごみを拾いました。全部で2,130個で、いちばん多かったのはプラスチックの破片でした。\n"
      "6割ですか。破片だと、もとが何だったのかは分からないですよね。\n"
      "ほとんど分かりません。ただ、青い薄い破片が目立ちました。ブルーシートが劣化したものだと思います。\n"
      "早川さん、ペットボトルのラベルも調べていましたね。\n"
      "はい、ラベルが読めたボトルは143本で、そのうち外国語の表示があったのは31本でした。\n"
      "思ったより少ないね。もっと海外からのものが多いと思ってた。\n"
      "私も最初はそう思っていました。でも、台風のあとの回だけ急に増えているんです。\n"
      "面白いですね。早川さん、その前に風はどちらから吹いていましたか。\n"
      "気象台のデータを見ると、3日ほど北西の風が続いていました。\n"
      "二人とも、調査の計画を来週までにまとめてきてください。\n";
  Document doc = annotated(text);
  auto who = person_of(doc);
  BOOST_TEST(who["それでは始めます。田辺さん、まず集計の結果からお願いします。"] == "川口真理子");
  BOOST_TEST(who["早川さん、ペットボトルのラベルも調べていましたね。"] == "川口真理子");
  BOOST_TEST(who["面白いですね。早川さん、その前に風はどちらから吹いていましたか。"] == "川口真理子");
  // The one called speaks next, never the one who calls.
  BOOST_TEST(who["はい、ラベルが読めたボトルは143本で、そのうち外国語の表示があったのは31本でした。"] == "早川紗希");
  BOOST_TEST(who["気象台のデータを見ると、3日ほど北西の風が続いていました。"] == "早川紗希");
  BOOST_TEST(who["ほとんど分かりません。ただ、青い薄い破片が目立ちました。ブルーシートが劣化したものだと思います。"] !=
             "川口真理子");
  // Calling everyone at once (二人とも、…) is the one who leads.
  BOOST_TEST(who["二人とも、調査の計画を来週までにまとめてきてください。"] == "川口真理子");
  std::set<std::string> people;
  for (auto& p : doc.header.persons) people.insert(p.name);
  BOOST_TEST(people.size() == 3u);
}

// Friends the lead introduces with さん call each other by the bare name (蓮、… 葵は？): the
// dialogue speaks to them, so they take part, and a line never belongs to the one it calls.
BOOST_AUTO_TEST_CASE(friends_the_lead_names_are_called_without_the_honorific) {
  const std::string text =
      "【会話まるごと】初めてのキャンプ、何を持っていく？\n"
      "高校からの友だちの葵さん、蓮さん、美咲さんは、6月に初めてキャンプに行く予定。3人の会話を紹介する。\n"
      "テントは蓮が持ってるんだよね？\n"
      "うん、兄貴のを借りられることになった。4人用だから、3人なら余裕。\n"
      "やった。じゃあ寝袋は？ 私、持ってないんだけど。\n"
      "美咲、それはレンタルでいいと思う。キャンプ場で1泊800円だって。\n"
      "え、安い。それなら借りる。葵は？\n"
      "私は自分のがあるから大丈夫。去年、山に登るときに買ったの。\n"
      "さすが。料理はどうする？ 蓮、カレーでいい？\n"
      "カレーは定番だけど、せっかくならホットサンドやりたいな。\n"
      "蓮、絶対それ一回しか使わないやつでしょ（笑）\n"
      "ひどい！ 葵だって去年、燻製のセット買って一回しか使ってないじゃん。\n";
  Document doc = annotated(text);
  auto who = person_of(doc);
  std::set<std::string> people;
  for (auto& p : doc.header.persons) people.insert(p.name);
  BOOST_TEST((people == std::set<std::string>{"葵", "蓮", "美咲"}));
  BOOST_TEST(who["美咲、それはレンタルでいいと思う。キャンプ場で1泊800円だって。"] != "美咲");
  BOOST_TEST(who["さすが。料理はどうする？ 蓮、カレーでいい？"] != "蓮");
  BOOST_TEST(who["蓮、絶対それ一回しか使わないやつでしょ（笑）"] != "蓮");
  BOOST_TEST(who["ひどい！ 葵だって去年、燻製のセット買って一回しか使ってないじゃん。"] != "葵");
  // The one asked answers: 葵は？ is answered by 葵, カレーでいい？ by 蓮.
  BOOST_TEST(who["私は自分のがあるから大丈夫。去年、山に登るときに買ったの。"] == "葵");
  BOOST_TEST(who["カレーは定番だけど、せっかくならホットサンドやりたいな。"] == "蓮");
}

// 市長 as a label is the person the page names in that office (市長の木下誠), not a heading's
// noun after the office (市長の所信表明).
BOOST_AUTO_TEST_CASE(an_office_label_is_the_person_the_page_names_in_it) {
  const std::string text =
      "市議会だより　第142号\n"
      "6月定例会の一般質問から紹介します。答弁したのは、市長の木下誠、教育長の岩田紀子です。\n"
      "■市長の所信表明\n"
      "小林亜希子議員　危険とされた通学路の箇所は、いくつ残っていますか。\n"
      "教育長　48か所のうち、対策が終わったのは31か所です。残りは今年度中に対策を終える予定です。\n"
      "小林亜希子議員　通学路の安全について、市長の考えを伺います。\n"
      "市長　子どもの命を守ることは、市政の最優先の課題です。できることから早く進めてまいります。\n"
      "石井直樹議員　空き家を子育て世帯に貸す制度をつくる考えはありますか。\n"
      "市長　他市の例も参考にしながら、来年度に向けて検討してまいります。\n"
      "石井直樹議員　学校の近くの空き家を、放課後の居場所に使えないでしょうか。\n"
      "教育長　見守りが得られる場所であれば、活用できる可能性はあると考えています。\n";
  Document doc = annotated(text);
  auto who = who_says(doc);
  BOOST_TEST(who["子どもの命を守ることは、市政の最優先の課題です。できることから早く進めてまいります。"] == "市長|木下誠");
  BOOST_TEST(who["48か所のうち、対策が終わったのは31か所です。残りは今年度中に対策を終える予定です。"] == "教育長|岩田紀子");
  BOOST_TEST(who["危険とされた通学路の箇所は、いくつ残っていますか。"] == "小林亜希子議員|小林亜希子");
}

// A sentence that opens by calling everyone (二人とも、) is marked as such ([group-address]).
BOOST_AUTO_TEST_CASE(calling_everyone_at_once) {
  const SpeakerModel& m = SpeakerModel::builtin();
  speakers::RoleWeights rw(m);
  std::vector<std::string_view> two{"二人とも、計画をまとめてきてください。"};
  BOOST_TEST(speakers::text_features(two[0], two, m, rw).group_call);
  std::vector<std::string_view> one{"二人の計画をまとめてください。"};
  BOOST_TEST(!speakers::text_features(one[0], one, m, rw).group_call);
}

// Given names written in hiragana are names (ひろみさん, あかねちゃん at the start of a sentence,
// 森本ひろみさん after a family name); a word before a title (でも先生) and a word with the polite
// prefix (おばさん) are not.
BOOST_AUTO_TEST_CASE(given_names_in_hiragana) {
  const SpeakerModel& m = SpeakerModel::builtin();
  const auto& cues = m.compiled();
  std::size_t end = 0;
  BOOST_TEST(speakers::name_at("あかねちゃん、それ何分？", cues, end, true) == "あかねちゃん");
  BOOST_TEST(speakers::name_at("あかねちゃん、それ何分？", cues, end, false) == "");  // only opening a sentence
  BOOST_TEST(speakers::name_at("森本ひろみさん、杉田さん", cues, end) == "森本ひろみさん");
  BOOST_TEST(speakers::name_at("でも先生、それは", cues, end, true) == "");
  BOOST_TEST(speakers::name_at("おばさん、これ", cues, end, true) == "");
  BOOST_TEST(speakers::name_at("田中のおばさん", cues, end) == "");
  auto names = speakers::names_in_text("パーソナリティの森本ひろみさん、杉田健太さん、小野寺あかねさんの3人です。", cues);
  BOOST_TEST(names.size() == 3u);
  speakers::RoleWeights rw(m);
  std::vector<std::string_view> s{"ひろみさんは立てる派ですか？"};
  BOOST_TEST(speakers::text_features(s[0], s, m, rw).addressed == "ひろみさん");
}

// Three hosts the lead lists with their count, whom the show calls by the given name or the
// family name with another honorific (あかねちゃん, 杉田くん): three people, named as the lead
// names them. The lead is polite (…話しました。お届けします。) and stays outside; so do a stage
// direction in parentheses and a line of narration between the talk.
BOOST_AUTO_TEST_CASE(hosts_the_lead_lists_are_the_cast) {
  const std::string text =
      "【書き起こし】ゆうがたの窓　第40回「朝の霜」\n"
      "毎週金曜の番組です。パーソナリティの森本ひろみさん、杉田健太さん、小野寺あかねさんの3人が、今週は霜の朝について話しました。\n"
      "こんばんは。今日は霜の話です。杉田くん、今朝は大丈夫だった？\n"
      "いやあ、窓が真っ白でした。10分くらいエンジンをかけて待ちました。\n"
      "10分！ あかねちゃんのところは？\n"
      "前の晩にカバーをかけておいたので、すぐ出られましたよ。\n"
      "えらい。それ、どこで買ったの？\n"
      "ホームセンターです。2千円くらいでした。\n"
      "僕も買おうかな。ひろみさんは使ってますか？\n"
      "使ってない。来週までに買っておくね。\n"
      "（ここで曲が流れた）\n"
      "曲のあとは、リスナーからのメールを3人で読んだ。\n"
      "メールを読みますね。杉田くん、お願い。\n"
      "はい。「霜の朝はお湯をかけていいですか」。だめです、ガラスが割れることがあります。\n";
  std::string explain;
  Document doc = annotated(text, &explain);
  auto who = person_of(doc);
  BOOST_TEST(explain.find("3 people") != std::string::npos);
  BOOST_TEST(who["毎週金曜の番組です。パーソナリティの森本ひろみさん、杉田健太さん、小野寺あかねさんの3人が、今週は霜の朝について話しました。"] == "-");
  BOOST_TEST(who["（ここで曲が流れた）"] == "-");
  BOOST_TEST(who["曲のあとは、リスナーからのメールを3人で読んだ。"] == "-");
  BOOST_TEST(who["いやあ、窓が真っ白でした。10分くらいエンジンをかけて待ちました。"] == "杉田健太");
  BOOST_TEST(who["前の晩にカバーをかけておいたので、すぐ出られましたよ。"] == "小野寺あかね");
  BOOST_TEST(who["使ってない。来週までに買っておくね。"] == "森本ひろみ");
}

// The lead names a moderator by the title of one who gives the floor and the staff member's bare
// name (進行は…岩田が務めた) and a lecturer (講師は…): the moderator leads, the lecturer answers;
// a participant who gives their own name (村上です。) says that paragraph.
BOOST_AUTO_TEST_CASE(a_moderator_a_lecturer_and_those_who_say_their_name) {
  const std::string text =
      "市民講座　質疑応答から\n"
      "講師は税理士の森田由美さん。進行は市民課の岩田が務めた。参加者の村上さんと東さんの質問を紹介する。\n"
      "それでは質問をどうぞ。村上さん、お願いします。\n"
      "村上です。父の家を相続する予定です。手続きはいつまでにすればいいでしょうか。\n"
      "ご質問ありがとうございます。相続を知った日から3年以内に登記をする必要があります。\n"
      "ありがとうございます。費用はどのくらいかかりますか。\n"
      "登録免許税は、固定資産税の評価額の0.4%です。ほかに書類の取り寄せに数千円かかります。\n"
      "続いて東さん、どうぞ。\n"
      "はい、東です。兄と共有にするのはやめたほうがいいですか。\n"
      "共有にすると、売るときに全員の同意が要ります。できれば一人に決めることをおすすめします。\n"
      "森田さん、ありがとうございました。\n";
  std::string explain;
  Document doc = annotated(text, &explain);
  auto who = person_of(doc);
  BOOST_TEST(who["それでは質問をどうぞ。村上さん、お願いします。"] == "岩田");
  BOOST_TEST(who["村上です。父の家を相続する予定です。手続きはいつまでにすればいいでしょうか。"] == "村上");
  BOOST_TEST(who["ご質問ありがとうございます。相続を知った日から3年以内に登記をする必要があります。"] == "森田由美");
  BOOST_TEST(who["はい、東です。兄と共有にするのはやめたほうがいいですか。"] == "東");
  BOOST_TEST(who["共有にすると、売るときに全員の同意が要ります。できれば一人に決めることをおすすめします。"] == "森田由美");
  BOOST_TEST(who["森田さん、ありがとうございました。"] == "岩田");
}

// --names with three names or more declares that many people and runs the model over them: a
// name the text uses is that person (中西 is the lead's 中西涼子), a name it does not use takes
// the person the text names beyond the given ones.
BOOST_AUTO_TEST_CASE(names_given_declare_as_many_people) {
  const std::string text =
      "まちの講座　第2回\n"
      "講師は観光に詳しい中西涼子さん。受講者の井上さんと小池さんが議論に加わった。\n"
      "今日は泊まってもらう工夫を考えます。井上さん、旅館ではいかがですか。\n"
      "平日はほとんど空いています。夏以外は厳しいですね。\n"
      "小池さん、学生の目から見てどうですか。\n"
      "夜に行く場所がないのが一番だと思います。\n"
      "なるほど。井上さん、夜の催しはできそうですか。\n"
      "旅館が集まれば、月に一度ならできると思います。\n";
  SegmentOptions o;
  o.source_name = "t.txt";
  Document doc = segment_text(text, o);
  SpeakerOptions so;
  so.names = {"小池", "吉岡", "中西"};
  annotate_speakers(doc, so);
  std::set<std::string> declared, used;
  for (auto& p : doc.header.persons) declared.insert(p.name);
  BOOST_TEST(declared == (std::set<std::string>{"小池", "吉岡", "中西"}));
  std::map<std::string, std::string> name_of;
  for (auto& p : doc.header.persons) name_of["#" + p.id] = p.name;
  for (auto& d : doc.divisions)
    for (auto& t : d.turns)
      if (t.spoken()) used.insert(name_of[t.who]);
  BOOST_TEST(used.size() == 3u);
  auto who = person_of(doc);
  BOOST_TEST(who["今日は泊まってもらう工夫を考えます。井上さん、旅館ではいかがですか。"] == "中西");
  BOOST_TEST(who["夜に行く場所がないのが一番だと思います。"] == "小池");
  BOOST_TEST(who["平日はほとんど空いています。夏以外は厳しいですね。"] == "吉岡");
}

// お客さん is no one's name (a word with the polite prefix), and the writer's line that reports
// what someone said (…と明かした。) between the turns stays outside them.
BOOST_AUTO_TEST_CASE(the_writers_report_and_a_polite_word_are_no_ones) {
  const SpeakerModel& m = SpeakerModel::builtin();
  speakers::RoleWeights rw(m);
  std::vector<std::string_view> guest{"三上さん、お客さんの顔ぶれは変わりましたか。"};
  auto f = speakers::text_features(guest[0], guest, m, rw);
  BOOST_TEST(f.mentioned.empty());
  BOOST_TEST(f.vocative == "三上さん");
  const std::string text =
      "【読書会】『港の一年』を読む\n"
      "司会は司書の浅野美和さん。参加したのは、会社員の宮下さん、大学生の杉本さん、元教員の大西さんの3人。\n"
      "では始めましょう。まず宮下さん、読んでみてどうでしたか。\n"
      "前半は退屈でした。でも後半の嵐の場面で一気に引き込まれました。\n"
      "杉本さんはどう読みましたか。\n"
      "私は逆で、前半のほうが好きでした。毎日の作業の描写が落ち着くんです。\n"
      "大西さんは、この本を授業で使ったことがあると伺いました。\n"
      "ええ、中学3年の国語で一度だけ。生徒の感想は嵐の場面に集中しましたね。\n"
      "大西さんは、当時の感想文を今も手元に残していると明かした。\n"
      "杉本さんは、この本を知っていましたか。\n"
      "いいえ、今日初めて読みました。\n";
  Document doc = annotated(text);
  auto who = person_of(doc);
  BOOST_TEST(who["大西さんは、当時の感想文を今も手元に残していると明かした。"] == "-");
  BOOST_TEST(who["では始めましょう。まず宮下さん、読んでみてどうでしたか。"] == "浅野美和");
  BOOST_TEST(who["前半は退屈でした。でも後半の嵐の場面で一気に引き込まれました。"] == "宮下");
}

// A hero interview: no mark, the announcer never named, two players each called by the title
// of the sport. Every member called in a prompt and answering without asking back: someone the
// dialogue never names asks, a person of their own (no persName), and the one called answers.
// Without the rule the two players are the whole cast, and the announcer's lines go to them.
BOOST_AUTO_TEST_CASE(an_interviewer_the_page_never_names_asks) {
  const std::string text =
      "【ヒーローインタビュー】港南FC・高木湊選手、村瀬拓海選手\n"
      "港南FCは3日のホーム最終戦で、高木湊選手の2得点と村瀬拓海選手の好セーブで勝ち、3位を守った。\n"
      "今日のヒーロー、高木選手と村瀬選手に来ていただきました。\n"
      "よろしくお願いします。\n"
      "高木選手、前半の先制点はどんな形でしたか。\n"
      "右から速いボールが来たので、合わせるだけでした。中の動きをよく見てくれていたと思います。\n"
      "2点目は左足でした。\n"
      "練習でずっと左を蹴ってきたので、迷わず振りました。入ってほっとしています。\n"
      "村瀬選手、終了間際のピンチは見事に止めました。\n"
      "コースは読めていました。最後まで目を切らずに、体の正面で止めることだけを考えていました。\n"
      "来週はアウェーでの試合です。村瀬選手、サポーターに一言お願いします。\n"
      "アウェーでも一緒に戦ってください。必ず勝ち点3を持って帰ります。\n";
  std::string why;
  Document doc = annotated(text, &why);
  auto who = person_of(doc);
  BOOST_TEST(why.find("someone the dialogue never names asks") != std::string::npos);
  BOOST_TEST(who["高木選手、前半の先制点はどんな形でしたか。"] == "");
  BOOST_TEST(who["村瀬選手、終了間際のピンチは見事に止めました。"] == "");
  BOOST_TEST(who["来週はアウェーでの試合です。村瀬選手、サポーターに一言お願いします。"] == "");
  BOOST_TEST(who["右から速いボールが来たので、合わせるだけでした。中の動きをよく見てくれていたと思います。"] == "高木湊");
  BOOST_TEST(who["コースは読めていました。最後まで目を切らずに、体の正面で止めることだけを考えていました。"] == "村瀬拓海");
  BOOST_TEST(who["アウェーでも一緒に戦ってください。必ず勝ち点3を持って帰ります。"] == "村瀬拓海");
  BOOST_TEST(doc.header.persons.size() == 3u);
}

// The opening of a dialogue that presents two people and congratulates them (…選手です。おめでとう
// ございます！) is spoken: a lead exclaims nothing. Without the rule it is taken for the lead
// and left outside every turn.
BOOST_AUTO_TEST_CASE(a_lead_exclaims_nothing) {
  const std::string text =
      "【ヒーローインタビュー】港南FC・高木湊選手、村瀬拓海選手\n"
      "港南FCは3日のホーム最終戦で勝ち、3位を守った。\n"
      "今日のヒーローは、2得点の高木選手と、好セーブの村瀬選手です。おめでとうございます！\n"
      "ありがとうございます！\n"
      "高木選手、前半の先制点はどんな形でしたか。\n"
      "右から速いボールが来たので、合わせるだけでした。中の動きをよく見てくれていたと思います。\n"
      "村瀬選手、終了間際のピンチは見事に止めました。\n"
      "コースは読めていました。最後まで目を切らずに、体の正面で止めることだけを考えていました。\n"
      "来週はアウェーでの試合です。村瀬選手、サポーターに一言お願いします。\n"
      "アウェーでも一緒に戦ってください。必ず勝ち点3を持って帰ります。\n";
  Document doc = annotated(text);
  auto who = person_of(doc);
  BOOST_TEST(who["港南FCは3日のホーム最終戦で勝ち、3位を守った。"] == "-");
  BOOST_TEST(who["今日のヒーローは、2得点の高木選手と、好セーブの村瀬選手です。おめでとうございます！"] != "-");
}

// Two people presented and congratulated at once thank in turn, in the order they were named.
// Without the rule the two thanks go to the two players either way round.
BOOST_AUTO_TEST_CASE(those_greeted_together_answer_in_the_order_named) {
  const std::string text =
      "【ヒーローインタビュー】港南FC・高木湊選手、村瀬拓海選手\n"
      "港南FCは3日のホーム最終戦で勝ち、3位を守った。\n"
      "今日のヒーローは、2得点の高木選手と、好セーブの村瀬選手です。おめでとうございます！\n"
      "ありがとうございます！\n"
      "ありがとうございます。\n"
      "高木選手、前半の先制点はどんな形でしたか。\n"
      "右から速いボールが来たので、合わせるだけでした。中の動きをよく見てくれていたと思います。\n"
      "村瀬選手、終了間際のピンチは見事に止めました。\n"
      "コースは読めていました。最後まで目を切らずに、体の正面で止めることだけを考えていました。\n"
      "来週はアウェーでの試合です。村瀬選手、サポーターに一言お願いします。\n"
      "アウェーでも一緒に戦ってください。必ず勝ち点3を持って帰ります。\n";
  Document doc = annotated(text);
  auto who = person_of(doc);
  BOOST_TEST(who["ありがとうございます！"] == "高木湊");
  BOOST_TEST(who["ありがとうございます。"] == "村瀬拓海");
}

// The same when the greeting names them in full, as the lead does (小林大地選手), while the
// questions call them by the surname (小林選手): the full name is the member's too. Without it the
// two greetings went to the players the other way round.
BOOST_AUTO_TEST_CASE(a_member_named_in_full_is_the_member_called_by_surname) {
  const std::string text =
      "【ヒーローインタビュー】延長十回の逆転弾\n"
      "試合後、逆転の2ランを打った小林大地選手と、9回を0点に抑えた上田誠投手がお立ち台に上がった。\n"
      "今日のヒーローは、逆転の2ランを打った小林大地選手と、9回を0点に抑えた上田誠投手です。お二人とも、おめでとうございます！\n"
      "ありがとうございます！\n"
      "ありがとうございます。\n"
      "小林選手、打った瞬間はどんな気持ちでしたか。\n"
      "正直、入るとは思いませんでした。とにかく強くたたこうと思って振りました。\n"
      "上田投手、9回のピンチはどんな思いでマウンドに立っていましたか。\n"
      "一人ずつ、目の前のバッターだけを考えていました。キャッチャーのサインを信じて投げました。\n"
      "小林選手、明日の試合に向けて一言お願いします。\n"
      "明日も打ちます！　応援よろしくお願いします！\n";
  Document doc = annotated(text);
  auto who = person_of(doc);
  BOOST_TEST(who["ありがとうございます！"] == "小林大地");
  BOOST_TEST(who["ありがとうございます。"] == "上田誠");
}

// A TV cooking segment: the host the guests never call by name is one of the people the lead
// introduces, each after what they are (番組アシスタントの水野さん); 先生 is the member also called
// 長尾先生, not a fourth person; a katakana title after kanji (番組アシスタント) names the one who
// gives the floor, and the one called 先生 explains. Without these the cast was 長尾千春, 谷口亮 and a
// separate 先生, the host's lines given to the cook and the guest.
BOOST_AUTO_TEST_CASE(the_host_the_lead_introduces_takes_part_and_sensei_is_one_member) {
  const std::string text =
      "【きょうの一品】白菜と豚肉の重ね煮\n"
      "料理コーナーから。料理研究家の長尾千春さんを講師に、番組アシスタントの水野さんと、ゲストで俳優の谷口亮さんが重ね煮に挑戦した。\n"
      "さあ、今週も料理のコーナーです。長尾先生、よろしくお願いします。\n"
      "よろしくお願いします。今日は、白菜と豚肉を鍋に重ねて煮るだけの、とても簡単な一品です。\n"
      "谷口さんは、ふだん料理はされますか。\n"
      "いや、僕は本当にしないんですよ。家ではカップ麺ばっかりで。\n"
      "それなら、ちょうどいいですね。包丁もほとんど使いませんから。\n"
      "先生、豚肉は何を使うんですか。\n"
      "今日は豚バラの薄切りです。脂があるので、白菜にうまみが移るんですよ。\n"
      "いい香りですね。谷口さん、お味見をどうぞ。\n"
      "いただきます。……うまっ！　白菜がとろとろで、甘いです。\n"
      "長尾先生、ありがとうございました。\n";
  std::string explain;
  Document doc = annotated(text, &explain);
  auto who = person_of(doc);
  std::set<std::string> people;
  for (auto& p : doc.header.persons) people.insert(p.name);
  BOOST_TEST((people == std::set<std::string>{"水野", "谷口亮", "長尾千春"}));
  BOOST_TEST(who["さあ、今週も料理のコーナーです。長尾先生、よろしくお願いします。"] == "水野");
  BOOST_TEST(who["今日は豚バラの薄切りです。脂があるので、白菜にうまみが移るんですよ。"] == "長尾千春");
  BOOST_TEST(who["いい香りですね。谷口さん、お味見をどうぞ。"] == "水野");
  BOOST_TEST(explain.find("水野 (leads)") != std::string::npos);
  BOOST_TEST(explain.find("長尾千春 explains") != std::string::npos);
}

// A hero interview of two players presented one after the other (まずは…石田選手です！ 続いて…小西
// 投手です。) is no two-person interview: three people, someone the page never names asking. A
// follow-up of one sentence that calls no one (打球が外野を抜けた瞬間はいかがでしたか。) is put to
// the player who has the floor; the last paragraph that thanks is the asker's.
BOOST_AUTO_TEST_CASE(a_follow_up_goes_to_the_one_who_has_the_floor) {
  const std::string text =
      "【お立ち台】港北シーガルズ、逆転で首位浮上\n"
      "九回に石田拓海選手が逆転打を放ち、港北シーガルズが4-3で勝った。抑えの小西悠斗投手とともに、試合後のグラウンドでインタビューに応じた。\n"
      "それでは、今日のヒーローインタビューです。まずは逆転打の石田選手です！\n"
      "ありがとうございます！\n"
      "打席に入るとき、どんなことを考えていましたか。\n"
      "とにかく次につなごうと思っていました。甘い球が来たら、迷わず振ろうと決めていました。\n"
      "打球が外野を抜けた瞬間はいかがでしたか。\n"
      "もう、頭が真っ白でした。ベンチのみんなが飛び出してくるのが見えて、本当にうれしかったです。\n"
      "続いて、九回を三人で締めた小西投手です。おめでとうございます。\n"
      "ありがとうございます。\n"
      "同点の場面からの登板でしたが、緊張はありましたか。\n"
      "正直、足が震えていました（笑）。でも、キャッチャーのサインを信じて、腕を振ることだけ考えました。\n"
      "最後にファンの皆さんへ一言お願いします。小西投手からどうぞ。\n"
      "今日も最後まで応援ありがとうございました。明日も全力で投げます！\n"
      "石田選手、お願いします。\n"
      "このまま優勝まで突っ走ります！\n"
      "ありがとうございました。\n";
  Document doc = annotated(text);
  auto who = person_of(doc);
  BOOST_TEST(doc.header.persons.size() == 3u);
  const std::string asker = who["打席に入るとき、どんなことを考えていましたか。"];
  BOOST_TEST(who["もう、頭が真っ白でした。ベンチのみんなが飛び出してくるのが見えて、本当にうれしかったです。"] == "石田拓海");
  BOOST_TEST(who["とにかく次につなごうと思っていました。甘い球が来たら、迷わず振ろうと決めていました。"] == "石田拓海");
  BOOST_TEST(who["正直、足が震えていました（笑）。でも、キャッチャーのサインを信じて、腕を振ることだけ考えました。"] == "小西悠斗");
  BOOST_TEST(who["今日も最後まで応援ありがとうございました。明日も全力で投げます！"] == "小西悠斗");
  BOOST_TEST(who["打球が外野を抜けた瞬間はいかがでしたか。"] == asker);
  BOOST_TEST(who["ありがとうございました。"] == asker);
}

// A paragraph that speaks of what the lead describes one member by as its own (うちの旅館, 旅館と
// しては; the lead: 温泉旅館を営む井上さん) is that member's, even right after the lecturer calls
// the other participant (the speaker test text seminar-tourism-town).
BOOST_AUTO_TEST_CASE(what_the_lead_describes_a_member_by_speaks_as_theirs) {
  std::ifstream in(std::string(JATEI_SOURCE_DIR) + "/tests/data/speakers/seminar-tourism-town.txt");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  BOOST_REQUIRE(!text.empty());
  Document doc = annotated(text);
  auto who = person_of(doc);
  BOOST_TEST(who["星空のツアーなら、うちの旅館の屋上からでもできそうです。ただ、案内できる人がいないんですよ。"] == "井上");
  BOOST_TEST(who["旅館としては、宿泊とセットの料金にすれば払えると思います。"] == "井上");
  BOOST_TEST(who["ありがとうございました。次回は、町の食の魅力をどう伝えるかを考えます。"] == "中西涼子");
}

// A round-table whose guests the lead does not name: each introduces themself after a clause
// that says what they do (…をやっている村井です。 …の西田と申します。), a name the dialogue calls
// later, so that paragraph is theirs; the paper's own moderator is named as 進行は本紙の前田。 and
// takes part; what a guest says they do when giving the name (振興組合で…仲介をしている) is theirs
// when a later paragraph speaks of it as its own (組合としては). Without these the cast was three
// and the moderator's lines went to the guests (tests/data/speakers/roundtable-four-selfintro:
// speakers 0.47 -> 0.84).
BOOST_AUTO_TEST_CASE(guests_who_introduce_themselves_and_a_moderator_named_at_the_end) {
  const std::string text =
      "【座談会】商店街に若い店が増えたわけ\n"
      "駅前の商店街に、この3年で若い店主の店が9軒開いた。店を開いた2人と、空き店舗の仲介を続ける担当者に集まってもらった。進行は本紙の前田。\n"
      "今日はありがとうございます。まず、お一人ずつ自己紹介をお願いします。\n"
      "古本とコーヒーの店をやっている村井です。3年前に東京から戻って、この商店街で店を始めました。\n"
      "パン屋の店主の西田と申します。去年の春に開店しました。朝7時から焼いています。\n"
      "振興組合で空き店舗の仲介をしている岡本です。若い人と大家さんの間に入るのが私の仕事です。\n"
      "ありがとうございます。村井さん、なぜこの商店街を選んだんですか。\n"
      "家賃です。駅から5分で、月6万円でした。東京なら同じ広さで3倍はします。\n"
      "西田さんも同じ理由ですか。\n"
      "私は、紹介してもらった物件が、もともとパン屋だったんです。改装費が半分で済みました。\n"
      "岡本さん、大家さんの側には、貸したくないという声はありませんか。\n"
      "ありますよ。だから、契約の前に一緒に会ってもらうようにしています。\n"
      "最後に、これからの商店街に何が必要か、村井さんから。\n"
      "夜の店です。6時を過ぎると真っ暗になるので、飲食の店がもう少し増えるといいですね。\n"
      "うちは朝が早いので、朝の人の流れを増やしたいです。\n"
      "組合としては、空き店舗をあと5軒は埋めたいと思っています。\n"
      "皆さん、今日はありがとうございました。\n";
  Document doc = annotated(text);
  auto who = person_of(doc);
  BOOST_TEST(who["古本とコーヒーの店をやっている村井です。3年前に東京から戻って、この商店街で店を始めました。"] == "村井");
  BOOST_TEST(who["パン屋の店主の西田と申します。去年の春に開店しました。朝7時から焼いています。"] == "西田");
  BOOST_TEST(who["振興組合で空き店舗の仲介をしている岡本です。若い人と大家さんの間に入るのが私の仕事です。"] == "岡本");
  BOOST_TEST(who["組合としては、空き店舗をあと5軒は埋めたいと思っています。"] == "岡本");
  BOOST_TEST(who["西田さんも同じ理由ですか。"] == "前田");
  std::set<std::string> people;
  for (auto& p : doc.header.persons) people.insert(p.name);
  BOOST_TEST(people.size() == 4u);
  BOOST_TEST(people.count("前田") == 1u);
}

// Two students the lead names together (3年生の竹内美咲さんと原田翔さん) take part together: the
// professor calls only one of them by name, gives the other the floor first (竹内さんから、お願い
// します。: not a call, but the name and から closing the request), and the one given it answers.
// Without these the cast was the professor and one student: two speakers
// (tests/data/speakers/seminar-three-list: speakers 0.58 -> 0.74).
BOOST_AUTO_TEST_CASE(names_the_lead_joins_take_part_together) {
  const std::string text =
      "【ゼミの現場から】空き家をどう生かすか\n"
      "まちづくりを研究する北村和也教授のゼミでは、学生が自分の町の空き家を調べている。この日は、3年生の竹内美咲さんと原田翔さんが調査の中間報告をした。\n"
      "では、中間報告を始めましょう。竹内さんから、お願いします。\n"
      "はい。私は駅の北側の3つの町内を歩いて、空き家を数えました。見た目で空き家と分かる家は47軒でした。\n"
      "47軒というのは、町内の家の何割くらいですか。\n"
      "だいたい1割です。市の統計だと8パーセントなので、少し多めです。\n"
      "先生、三つ目の税金の話は、どれくらい違うんですか。\n"
      "土地の固定資産税は、家が建っていると最大で6分の1に下がります。更地にすると、その特例がなくなるんです。\n"
      "原田さん、聞き取りの質問を竹内さんと一緒に作ってみてください。\n"
      "分かりました。来週までに案を作ります。\n";
  Document doc = annotated(text);
  auto who = person_of(doc);
  BOOST_TEST(who["では、中間報告を始めましょう。竹内さんから、お願いします。"] == "北村和也");
  BOOST_TEST(who["はい。私は駅の北側の3つの町内を歩いて、空き家を数えました。見た目で空き家と分かる家は47軒でした。"] == "竹内美咲");
  BOOST_TEST(who["分かりました。来週までに案を作ります。"] == "原田翔");
  std::set<std::string> people;
  for (auto& p : doc.header.persons) people.insert(p.name);
  BOOST_TEST(people.size() == 3u);
}

// The interviewer presents both players (今日のヒーローは…中井翔太選手と…大野悠人選手です。) and goes
// straight on to call the first of them: the presenting paragraph is the one who leads, and a call
// to one of those just presented is no sign that the speaker changed. Without it the first
// question went to the other player.
BOOST_AUTO_TEST_CASE(the_one_who_presents_the_others_goes_on_to_call_one) {
  const std::string text =
      "【ヒーローインタビュー】九回の同点打と逆転打\n"
      "試合後、同点打の中井翔太選手と逆転打の大野悠人選手がお立ち台に上がった。\n"
      "放送席、放送席。今日のヒーローは、九回に同点打を放った中井翔太選手と、逆転打の大野悠人選手です。お二人とも、おめでとうございます！\n"
      "中井選手、打席に入るときはどんな気持ちでしたか。\n"
      "つなげばなんとかなると思っていました。初球から振っていこうと決めていました。\n"
      "大野選手、最後は低めの変化球でした。\n"
      "狙っていた球ではなかったんですが、体が反応してくれました。\n"
      "中井選手、ファンの皆さんに一言お願いします。\n"
      "明日も勝ちます！　応援よろしくお願いします！\n"
      "大野選手もお願いします。\n"
      "最後まで一緒に戦ってください！\n"
      "中井翔太選手、大野悠人選手でした。おめでとうございました！\n";
  Document doc = annotated(text);
  auto who = person_of(doc);
  const std::string opening =
      "放送席、放送席。今日のヒーローは、九回に同点打を放った中井翔太選手と、逆転打の大野悠人選手です。お二人とも、おめでとうございます！";
  BOOST_TEST(who[opening] != "-");
  BOOST_TEST(who["中井選手、打席に入るときはどんな気持ちでしたか。"] == who[opening]);
  BOOST_TEST(who["つなげばなんとかなると思っていました。初球から振っていこうと決めていました。"] == "中井翔太");
}

// The lead titles the moderator right before the name (司会の川島ゆかアナウンサーが、…店主・岡田誠さん
// を迎え): the moderator is 川島, not the first name with an honorific after the title (the bug:
// 岡田 got the 司会 and the lead). 先生 with no one titled so in the lead is the one the lead
// describes by a profession people call so (店主), not the moderator.
BOOST_AUTO_TEST_CASE(the_moderator_is_the_name_right_after_the_title) {
  const std::string text =
      "【日曜の台所】根菜たっぷりの豚汁\n"
      "朝の生活番組から。司会の川島ゆかアナウンサーが、和食店の店主・岡田誠さんを迎え、ゲストで歌手の森ユウキさんと豚汁を作った。\n"
      "おはようございます。今朝は体が温まる豚汁です。岡田さん、よろしくお願いします。\n"
      "和食店「おかだ」の岡田です。よろしくお願いします。今日は根菜を炒めてから煮るのがポイントです。\n"
      "森さんは、豚汁はよく作りますか。\n"
      "実家ではよく出ましたけど、自分では作ったことがないんですよ。\n"
      "先生、ごぼうはどう切るんですか。\n"
      "斜めに薄く切って、水に5分さらします。にんじんは厚さ5ミリのいちょう切りです。\n"
      "森さん、味はいかがですか。\n"
      "おいしい！　ごぼうの香りがすごくします。\n"
      "岡田さん、森さん、ありがとうございました。\n";
  std::string explain;
  Document doc = annotated(text, &explain);
  auto who = person_of(doc);
  std::map<std::string, std::string> role;
  for (auto& p : doc.header.persons) role[p.name] = p.role;
  BOOST_TEST(role["川島"] == "moderator");
  BOOST_TEST(role["岡田誠"] != "moderator");
  BOOST_TEST(explain.find("川島 (leads)") != std::string::npos);
  BOOST_TEST(explain.find("岡田誠 explains") != std::string::npos);
  BOOST_TEST(who["おはようございます。今朝は体が温まる豚汁です。岡田さん、よろしくお願いします。"] == "川島");
  BOOST_TEST(who["斜めに薄く切って、水に5分さらします。にんじんは厚さ5ミリのいちょう切りです。"] == "岡田誠");
  BOOST_TEST(who["岡田さん、森さん、ありがとうございました。"] == "川島");
}
