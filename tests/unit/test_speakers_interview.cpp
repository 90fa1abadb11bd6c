// Unmarked interviews (lib/src/speakers/interview.cpp): short questions on their own lines, each
// followed by longer answers, with no label at all, are turns of an interviewer and the one who
// answers; an FAQ's questions, an essay's questions to itself and a conversation that began
// before the first question are not.
#define BOOST_TEST_MODULE speakers_interview
#include <boost/test/unit_test.hpp>

#include <set>

#include "jatei/segment.hpp"
#include "jatei/speakers.hpp"
#include "jatei/tei.hpp"

using namespace jatei;

namespace {

Document annotated(const std::string& text) {
  SegmentOptions o;
  o.source_name = "test.txt";
  Document d = segment_text(text, o);
  annotate_speakers(d, {});
  return d;
}

struct TurnView {
  std::string who, cert, first;
};
std::vector<TurnView> turns(const Document& doc) {
  std::vector<TurnView> out;
  for (auto& d : doc.divisions)
    for (auto& t : d.turns) {
      if (!t.spoken()) continue;
      TurnView v{t.who, t.cert, ""};
      for (auto& b : t.blocks)
        for (auto& l : b.leaves)
          for (auto& p : l.pieces)
            if (p.kind == Piece::Kind::sentence && v.first.empty()) v.first = p.sentence.text;
      out.push_back(v);
    }
  return out;
}

std::string role_of(const Document& doc, const std::string& who) {
  for (auto& p : doc.header.persons)
    if ("#" + p.id == who) return p.role;
  return {};
}

const char* const kRecruit =
    "社員インタビュー\n"
    "営業部　山根 由香（2021年入社）\n"
    "大学では心理学を学んだ。現在は法人向けの営業を担当している。\n"
    "入社を決めた理由を教えてください。\n"
    "面接で、社員の方が私の話を最後まで聞いてくれたからです。この会社なら長く働けると思いました。\n"
    "今の仕事内容は？\n"
    "中小企業のお客さまに、勤怠管理のシステムを提案しています。導入した後の相談にも乗るので、長いお付き合いになるんです。\n"
    "一日の流れはどんな感じでしょう。\n"
    "午前は社内で資料を作って、午後はお客さまを訪ねることが多いですね。\n"
    "移動の多い日は、電車の中でメールを返します。\n"
    "今後の目標は。\n"
    "後輩に頼られる先輩になることです。まずは自分の提案の型をつくりたいと思っています。\n"
    "※内容は取材当時のものです。\n";

}  // namespace

BOOST_AUTO_TEST_CASE(questions_on_their_own_lines_are_the_interviewers) {
  Document d = annotated(kRecruit);
  auto t = turns(d);
  // Four questions, four answers (the third over two paragraphs: one turn).
  BOOST_TEST_REQUIRE(t.size() == 8u);
  std::set<std::string> askers, answerers;
  for (std::size_t k = 0; k < t.size(); ++k) (k % 2 == 0 ? askers : answerers).insert(t[k].who);
  BOOST_TEST(askers.size() == 1u);
  BOOST_TEST(answerers.size() == 1u);
  BOOST_TEST(*askers.begin() != *answerers.begin());
  BOOST_TEST(role_of(d, *askers.begin()) == "interviewer");
  BOOST_TEST(role_of(d, *answerers.begin()) == "interviewee");
  BOOST_TEST(t[0].first == "入社を決めた理由を教えてください。");  // a request asks
  BOOST_TEST(t[6].first == "今後の目標は。");                        // so does a topic alone
  // The page says it is an interview and the answers speak in a person's voice: sure.
  for (auto& v : t) BOOST_TEST(v.cert == "high");
  // The lead and the closing note stay outside every turn.
  for (auto& v : t) {
    BOOST_TEST(v.first.find("心理学") == std::string::npos);
    BOOST_TEST(v.first.find("取材当時") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(an_unannounced_interview_is_less_sure) {
  // No word of an interview on the page: the answers' voice alone makes it one, at medium.
  std::string text = kRecruit;
  text.replace(0, text.find('\n') + 1, "働く人たち\n");
  auto t = turns(annotated(text));
  BOOST_TEST_REQUIRE(t.size() == 8u);
  for (auto& v : t) BOOST_TEST(v.cert == "medium");
}

BOOST_AUTO_TEST_CASE(an_faq_is_no_interview) {
  // Questions about a product, answered without anyone's voice, on a page that does not say
  // it is an interview.
  auto t = turns(annotated(
      "よくあるご質問\n"
      "充電にはどのくらいかかりますか？\n"
      "付属のケーブルで約2時間です。急速充電器を使うと1時間ほどで満充電になります。\n"
      "防水ですか？\n"
      "生活防水に対応しています。水没させた場合は保証の対象外となります。\n"
      "保証期間はどのくらいですか。\n"
      "ご購入日から1年間です。保証書は大切に保管してください。\n"));
  BOOST_TEST(t.empty());
}

BOOST_AUTO_TEST_CASE(an_essay_asking_itself_is_no_interview) {
  // Plain questions (…のか。) a writer asks themself are not addressed to anyone.
  auto t = turns(annotated(
      "なぜ私は毎朝走るのか。\n"
      "走り始めたのは三年前の春だった。体重が増えたのがきっかけで、最初は週に一度だけだった。\n"
      "何が続けさせたのか。\n"
      "たぶん、朝の空気だと思う。誰もいない川沿いを走ると、頭の中が静かになる。\n"
      "これからも続くのか。\n"
      "分からない。ただ、明日の朝もきっと靴ひもを結んでいるはずだ。\n"));
  BOOST_TEST(t.empty());
}

BOOST_AUTO_TEST_CASE(a_conversation_that_began_before_the_first_question_is_left_to_the_dialogue_model) {
  // Reactions and calls by name: a conversation, not an interviewer's list of questions.
  Document d = annotated(
      "先生、今日は何を教えてくれるんですか？\n"
      "今日は雲の話をしましょう。雲は小さな水の粒が集まってできているんです。\n"
      "へえ、そうなんですね。\n"
      "では、雨はどうして降るのですか。\n"
      "粒がくっついて大きくなると、重くなって落ちてくるんです。それが雨ですね。\n"
      "なるほど！\n"
      "雪はどうですか。\n"
      "雲の中が冷たいと、粒が氷の結晶になります。それが溶けずに落ちてくると雪になるんですよ。\n"
      "最後に、虹のでき方を教えてください。\n"
      "雨上がりに、太陽の光が空気中の水滴で曲がって、色に分かれて見えるんです。\n");
  for (auto& p : d.header.persons) BOOST_TEST(p.role != "interviewer");
}

BOOST_AUTO_TEST_CASE(numbered_faq_questions_are_headings_not_turns) {
  // Q1. Q2. Q3. with no A. mark and no one's voice: an FAQ's headings; nothing is a turn.
  const std::string faq =
      "よくあるご質問\n"
      "Q1. 充電にはどのくらいかかりますか？\n"
      "付属のケーブルで約2時間です。\n"
      "Q2. 防水ですか？\n"
      "いいえ、生活防水のみの対応です。水没は保証の対象外となります。\n"
      "Q3. 保証期間はどのくらいですか？\n"
      "はい、ご購入日から1年間です。\n";
  BOOST_TEST(turns(annotated(faq)).empty());
  // The same questions unnumbered with A. answers stay a labelled Q&A.
  auto t = turns(annotated(
      "Q. 充電にはどのくらいかかりますか？\nA. 約2時間です。\n"
      "Q. 防水ですか？\nA. 生活防水です。\n"
      "Q. 保証期間は？\nA. 1年間です。\n"));
  BOOST_TEST(t.size() == 6u);
}

BOOST_AUTO_TEST_CASE(numbered_answers_to_numbered_questions_are_one_writers_faq) {
  // Q1. … A1. …, Q2. … A2. …: each answer carries its question's number, the page's own
  // numbered items (one writer's), not an interviewer and an interviewee; the questions head
  // their answers, which stay paragraphs. Half-width or full-width, a period or a colon (those
  // segmentation takes for a list's key:value rows stay the list).
  bool first = true;
  for (std::string faq : {std::string("よくあるご質問\n"
                                      "Q1. 充電にはどのくらいかかりますか？\n"
                                      "A1. 付属のケーブルで約2時間です。\n"
                                      "Q2. 防水ですか？\n"
                                      "A2. いいえ、生活防水のみの対応です。水没は保証の対象外となります。\n"
                                      "Q3. 保証期間はどのくらいですか？\n"
                                      "A3. ご購入日から1年間です。\n"),
                          std::string("よくあるご質問\n"
                                      "Ｑ１：充電にはどのくらいかかりますか？\n"
                                      "Ａ１：付属のケーブルで約2時間です。\n"
                                      "Ｑ２：防水ですか？\n"
                                      "Ａ２：いいえ、生活防水のみの対応です。\n"
                                      "Ｑ３：保証期間はどのくらいですか？\n"
                                      "Ａ３：ご購入日から1年間です。\n")}) {
    Document d = annotated(faq);
    BOOST_TEST(turns(d).empty());
    BOOST_TEST(d.header.persons.empty());
    int heads = 0;
    for (auto& dv : d.divisions)
      for (auto& t : dv.turns)
        for (auto& b : t.blocks) heads += b.kind == BlockKind::head;
    if (first) BOOST_TEST(heads == 4);  // the page's heading and the three questions
    first = false;
  }
  // An answer numbered unlike the question before it is no FAQ's: the pair stays a labelled Q&A.
  auto t = turns(annotated(
      "Q1. 充電にはどのくらいかかりますか？\nA. 約2時間です。\n"
      "Q2. 防水ですか？\nA. 生活防水です。\n"
      "Q3. 保証期間は？\nA. 1年間です。\n"));
  BOOST_TEST(t.size() == 6u);
}

BOOST_AUTO_TEST_CASE(an_official_named_in_brackets_stays_so_on_a_second_run) {
  // A dash interview where one answer is another official's, named in brackets: the stage
  // labels that answer with the bracket; run again on its own output, it must decide the same
  // (the kept bracket label does not turn the interview into a labelled dialogue).
  SegmentOptions o;
  o.source_name = "test.txt";
  Document d = segment_text(
      "社長会見の主なやりとりは次の通り。\n"
      "――回収の規模は。\n"
      "「約120万袋です。」\n"
      "――原因は。\n"
      "「部品の一部が欠けていました。」\n"
      "――公表が遅れたのではないか。\n"
      "（品質保証担当の大島一郎常務）「範囲を確定させる必要がありました。」\n"
      "――今後の対応は。\n"
      "「再発防止に全力を尽くします。」\n",
      o);
  annotate_speakers(d, {});
  std::string once = tei::write(d);
  Document again = tei::read(once);
  annotate_speakers(again, {});
  BOOST_TEST(tei::write(again) == once);
  auto t = turns(d);
  BOOST_TEST_REQUIRE(t.size() == 8u);
  BOOST_TEST(t[5].who != t[1].who);  // the official is not the one who answers the others
}

BOOST_AUTO_TEST_CASE(a_seminar_whose_lines_call_on_two_people_is_no_interview) {
  // Questions to one participant, an "answer" that calls the other by name: a lecturer and two
  // participants, left to the dialogue model (three people, the lecturer named by the lead; the
  // text of tests/data/speakers/seminar-tourism-town.txt).
  Document d = annotated(
      "まちの観光を考える講座　第3回「泊まってもらう町になるには」\n"
      "2026年10月20日　しおかぜ町公民館\n"
      "町の観光協会が開く連続講座の第3回。講師は観光地づくりに詳しい中西涼子さん。受講者から、温泉旅館を営む井上さんと、地元の大学に通う小池さんが議論に加わった。その一部を紹介する。\n"
      "写真：講座で話す中西さん（中央）と受講者\n"
      "今日は、日帰りのお客さんにどうやって泊まってもらうかを考えます。井上さん、旅館ではいかがですか。\n"
      "正直に言うと、夏の海水浴の時期以外は平日の部屋がほとんど空いています。週末も、最近は日帰りで帰ってしまう方が多いですね。\n"
      "日帰りの方が帰ってしまう理由は、何だと思いますか。\n"
      "夜にすることがない、とよく言われます。夕食のあとに歩ける場所がないんです。\n"
      "私も友だちを連れてきたとき、夜は真っ暗で、結局コンビニしか行く場所がありませんでした。\n"
      "小池さん、それは大事な指摘ですね。ほかの町では、港の朝市を夜にも開いたり、星空を見るツアーを作ったりして、夜の過ごし方を用意しています。\n"
      "星空のツアーなら、うちの旅館の屋上からでもできそうです。ただ、案内できる人がいないんですよ。\n"
      "案内役は、地元の学生に頼めないでしょうか。\n"
      "それはいいですね。小池さんの大学に、天文のサークルはありますか。\n"
      "あります。先輩たちに聞いてみます。アルバイト代が出るなら、手を挙げる人は多いと思います。\n"
      "旅館としては、宿泊とセットの料金にすれば払えると思います。\n"
      "まずは小さく試してみることです。来月、一晩だけでもやってみて、来た人の声を集めましょう。\n"
      "ありがとうございました。次回は、町の食の魅力をどう伝えるかを考えます。\n"
      "（構成：観光協会事務局）\n");
  std::set<std::string> names;
  for (auto& p : d.header.persons) {
    BOOST_TEST(p.role != "interviewer");
    names.insert(p.name);
  }
  BOOST_TEST((names == std::set<std::string>{"中西涼子", "井上", "小池"}));
  auto t = turns(d);
  BOOST_REQUIRE(t.size() >= 6u);
  // The one who calls 小池 right after she spoke is the lecturer, as is the opening.
  std::string lecturer = t[0].who;
  for (auto& v : t)
    if (v.first.rfind("小池さん、それは", 0) == 0) BOOST_TEST(v.who == lecturer);
  for (auto& p : d.header.persons)
    if ("#" + p.id == lecturer) BOOST_TEST(p.name == "中西涼子");
}
