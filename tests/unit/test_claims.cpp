// Unit tests for jatei/claims.hpp: the factuality rules (each disambiguation and scope rule),
// dates, numbers and money with their normalised values, names, and the stage on a document.
#define BOOST_TEST_MODULE claims
#include <boost/test/unit_test.hpp>

#include <map>
#include <regex>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "jatei/claims.hpp"
#include "jatei/error.hpp"
#include "jatei/segment.hpp"
#include "jatei/speakers.hpp"
#include "jatei/tei.hpp"

using namespace jatei;
using namespace jatei::claims;

namespace {

Decision decide(std::string_view s, SentenceContext ctx = {}) { return classify(s, ctx, Lexicon::builtin()); }
std::string cat(std::string_view s, SentenceContext ctx = {}) { return std::string(to_string(decide(s, ctx).category)); }

// The text of the decisive cues, joined by '|'.
std::string cues(std::string_view s, SentenceContext ctx = {}) {
  Decision d = decide(s, ctx);
  std::string out;
  for (auto k : d.decisive) {
    if (!out.empty()) out += "|";
    out += std::string(s.substr(d.hits[k].begin, d.hits[k].end - d.hits[k].begin));
  }
  return out;
}

// "element attr=value attr=value" of the only mention found, or of mention k.
std::string describe(const std::vector<Mention>& ms, std::string_view s, std::size_t k = 0) {
  if (ms.size() <= k) return "(none)";
  const Mention& m = ms[k];
  std::string out = m.element + " [" + std::string(s.substr(m.begin, m.end - m.begin)) + "]";
  for (auto& a : m.attrs.list()) out += " " + a.name + "=" + a.value;
  return out;
}
std::string number(std::string_view s) { return describe(find_numbers(s), s); }
std::string date(std::string_view s, int year = 0) {
  DateContext ctx{year};
  return describe(find_dates(s, ctx), s);
}

}  // namespace

// ------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(factuality)

BOOST_AUTO_TEST_CASE(plain_cues) {
  BOOST_TEST(cat("中国のAIスタートアップとしてはおそらく初めてだからです。") == "speculation");
  BOOST_TEST(cues("中国のAIスタートアップとしてはおそらく初めてだからです。") == "おそらく");
  BOOST_TEST(cat("推論の効率化を競う流れは、今後さらに強まるとみられる。") == "speculation");
  BOOST_TEST(cat("量産開始が2027年以降にずれ込む可能性がある。") == "speculation");
  BOOST_TEST(cat("これがなかったら、買っていなかったかもしれません。") == "speculation");
  BOOST_TEST(cat("30分の充電は10分台まで縮まるはずです。") == "speculation");
  BOOST_TEST(cat("関係者によると、今回の調達には複数の海外ファンドが参加した。") == "reported");
  BOOST_TEST(cues("関係者によると、今回の調達には複数の海外ファンドが参加した。") == "によると");
  BOOST_TEST(cat("同社の大西社長は、都内で開いた記者会見で次のように述べた。") == "reported");
  BOOST_TEST(cat("中国のAI企業のほとんどがLlamaをそのまま使用しています。") == "fact");
  BOOST_TEST(cat("Googleは2024年12月に105量子ビットのチップを公開しました。") == "fact");
}

BOOST_AUTO_TEST_CASE(intention_is_not_a_hedge) {
  BOOST_TEST(cat("テクノロジーで、その時間を作っていきたいと思っています。") == "other");
  BOOST_TEST(cat("次回はロードマップを見比べてみようと思います。") == "other");
  BOOST_TEST(cat("あの発言は、LLMネットワークのことだと思います。") == "speculation");
}

BOOST_AUTO_TEST_CASE(deshouka_is_a_question) {
  BOOST_TEST(cat("実際のところどうなんでしょうか。") == "question");
  BOOST_TEST(cat("まず注目されることを最優先にしたからでしょう。") == "speculation");
  BOOST_TEST(cat("海外でも同じ課題があるのでしょうか。") == "question");
  BOOST_TEST(cat("東南アジアにも展開できるのではないでしょうか。") == "speculation");
}

BOOST_AUTO_TEST_CASE(deshou_asking_for_agreement) {
  BOOST_TEST(cat("ライトつけるのに連絡先いらないでしょ？") == "opinion");
  BOOST_TEST(cat("ライトつけるのに連絡先いらないでしょw") == "opinion");
  BOOST_TEST(cat("それくらい知ってるでしょう？") == "opinion");
  BOOST_TEST(cat("当初の予測ほどのGPUは不要になると市場が考えているからでしょうね。") == "speculation");
}

BOOST_AUTO_TEST_CASE(souda_hearsay_versus_appearance) {
  BOOST_TEST(cat("明日は雨が降るそうだ。") == "reported");
  BOOST_TEST(cat("新製品は来月発売されるそうです。") == "reported");
  BOOST_TEST(cat("今にも雨が降りそうだ。") == "speculation");
  BOOST_TEST(cat("新しい暗号に切り替えるだけなら簡単そうですけど。") == "opinion");
  BOOST_TEST(cat("このケーキはおいしそうです。") == "opinion");
  BOOST_TEST(cat("はい、そうです。") != "reported");
  BOOST_TEST(cat("理論上はそうです。") == "fact");
  BOOST_TEST(cat("そうなんです、実はそこが課題なんです。") == "fact");
}

BOOST_AUTO_TEST_CASE(utagawareteiru_is_speculation) {
  BOOST_TEST(cat("事前学習は、OpenAIの知識データをコピーしたと疑われている。") == "speculation");
  // Suspicion from an unnamed source outweighs a report that it is being investigated.
  BOOST_TEST(cat("輸出規制に抵触する取引があったことが疑われており、米当局が調査を進めているとの報道もある。") == "speculation");
  // The active verb is not a cue.
  BOOST_TEST(cat("だからOpenAIは、DeepSeekを疑って調査しているのか。") != "speculation");
}

BOOST_AUTO_TEST_CASE(toshika_omoenai_is_opinion) {
  BOOST_TEST(cat("箇条書きにするとAIスタートアップの宣伝文句としか思えませんね。") == "opinion");
  BOOST_TEST(cat("偶然としか思えない。") == "opinion");
}

BOOST_AUTO_TEST_CASE(tosareru_rule_claim_or_view) {
  BOOST_TEST(cat("この場合は例外とされています。") == "fact");
  BOOST_TEST(cat("個人の利用は課税対象とされています。") == "fact");
  // A past event too: what unnamed sources say happened (reported), unless the quotation hedges.
  BOOST_TEST(cat("中国のハッカー集団が関与したとされる。") == "reported");
  BOOST_TEST(cat("実用的な暗号解読には100万個規模の量子ビットが必要だとされる。") == "reported");
}

BOOST_AUTO_TEST_CASE(rashii_and_toshiteiru_need_the_plain_form) {
  BOOST_TEST(cat("去年の報告は170万件を超えたらしいよ。") == "reported");
  BOOST_TEST(cat("素晴らしい成果です。") != "reported");
  BOOST_TEST(cat("同社は2027年の上場を目指すとしている。") == "reported");
  BOOST_TEST(cat("同社は量産を始めようとしている。") != "reported");
}

BOOST_AUTO_TEST_CASE(a_cue_decides_only_where_it_heads_the_clause) {
  // Embedded under のが: a narrated thought, not a hedge.
  BOOST_TEST(cat("これは自分の技術で解けるかもしれないと思ったのがきっかけです。") == "fact");
  // In a concessive clause the main clause decides.
  BOOST_TEST(cat("図の左側はOpenAIの方法と書いていますが、今では標準的な手法です。") == "fact");
  // A view in a clause that continues into an assertion.
  BOOST_TEST(cat("少ない計算資源で動かせるとの見方が広がり、株価は1日で17%下落した。") == "fact");
  // The last clause's subject.
  BOOST_TEST(cat("早ければ2027年にも株式上場を目指すとの見方が出ている。") == "reported");
  // A view named as the predicate, and those who see it so.
  BOOST_TEST(cat("成長はひと段落した、というのが業界の見方です。") == "reported");
  BOOST_TEST(cat("市場では、業績予想を「保守的」と見る向きが多い。") == "reported");
  BOOST_TEST(cat("それは一つの見方です。") == "fact");  // one way of seeing it: nobody's view
  BOOST_TEST(cat("物の見方が変わった。") == "fact");
  // An aside after the predicate does not hide it; a gloss ending a noun phrase is no aside.
  BOOST_TEST(cat("照明は家庭の電力消費の約1割を占めるとされる(資源エネルギー庁の調査)。") == "reported");
  BOOST_TEST(cat("死亡は世界で約127万人とされています(英医学誌の論文)。") == "reported");
  BOOST_TEST(cat("この手法を蒸留(distillation)と呼ぶ。") == "fact");
  BOOST_TEST(cat("「まとまった農地がどこにあるのか分からない」という声がとても多いんです。") == "reported");
  BOOST_TEST(cat("「充電が不安」という声をゼロにするのが私たちの仕事です。") != "reported");
  // A hedge inside a quotation is the quoted person's.
  BOOST_TEST(cat("彼は「たぶん大丈夫」と言ったが、結果は失敗だった。") != "speculation");
}

BOOST_AUTO_TEST_CASE(adverb_scope_is_its_clause) {
  BOOST_TEST(cat("おそらく大丈夫だろうと言われていたが、結果は失敗だった。") == "fact");
  BOOST_TEST(cat("たぶん、明日は雨が降る。") == "speculation");
}

BOOST_AUTO_TEST_CASE(news_formulas) {
  BOOST_TEST(cat("複数の関係者への取材で分かった。") == "reported");
  BOOST_TEST(cat("同社は来年の黒字化を目指す方針を示した。") == "fact");
  BOOST_TEST(cat("政府は年内に結論を出す方針だとの見通しを示した。") == "reported");
  BOOST_TEST(cat("関係者によると、量産は来年にずれ込む見通しだという。") == "reported");
}

BOOST_AUTO_TEST_CASE(named_source_carries_its_hedges) {
  BOOST_TEST(cat("国際エネルギー機関(IEA)によると、電力消費量は2026年に1000テラワット時を超える可能性がある。") == "reported");
}

BOOST_AUTO_TEST_CASE(question_words_wonder) {
  BOOST_TEST(cat("司会：補助金はどうでしょう。") == "question");
  BOOST_TEST(cat("どういうことなんだろう……。") == "question");
  BOOST_TEST(cat("鍵を握るのは価格で、EVがどれだけ出てくるかでしょう。") == "speculation");
}

BOOST_AUTO_TEST_CASE(thinking_over_an_evaluation_is_opinion) {
  BOOST_TEST(cat("その負担を減らせるのは大きいと思います。") == "opinion");
  BOOST_TEST(cat("早めに対応するべきだと思います。") == "opinion");
  BOOST_TEST(cat("2030年代の前半には対応を迫られるのではないかと私は見ています。") == "speculation");
}

// Advice with a conditional と before いい (歩くといいと思う: the quotation is 歩くといい, judged
// by いい) under と思う is an opinion; a conditional clause before a plain verb of the quotation
// leaves the guess a guess.
BOOST_AUTO_TEST_CASE(advice_with_a_conditional_under_to_omou_is_an_opinion) {
  BOOST_TEST(cat("朝のうちに少し歩くといいと思います。") == "opinion");
  BOOST_TEST(cat("迷ったら店の人に聞くといいと思う。") == "opinion");
  BOOST_TEST(cat("駅まで歩くと二十分はかかると思います。") == "speculation");
  BOOST_TEST(cat("締め切りはもう過ぎたと思います。") == "speculation");
}

// Xの声 alone on a line (no copula, no stop) is the title of what follows; as a predicate it
// gives someone's words.
BOOST_AUTO_TEST_CASE(a_voice_noun_alone_on_a_line_is_a_title) {
  BOOST_TEST(cat("お客様の声") != "reported");
  BOOST_TEST(cat("利用者の声") != "reported");
  BOOST_TEST(cat("これは、専門家の声です。") == "reported");
  BOOST_TEST(cat("関係者の話だ。") == "reported");
}

// A list item put as a question in the plain form is the title of a point, asked of no one;
// the same words in a paragraph ask, and so does a polite question in a list.
BOOST_AUTO_TEST_CASE(a_list_item_put_as_a_question_asks_nothing) {
  SentenceContext item;
  item.block = "list";
  BOOST_TEST(cat("日本語をどう区切るか", item) == "other");
  BOOST_TEST(cat("予約は必要？", item) == "other");
  BOOST_TEST(cat("雨の日も開催するのか", item) == "other");
  BOOST_TEST(cat("子どもだけでも参加できますか？", item) == "question");
  BOOST_TEST(cat("子どもだけでも参加できますか？") == "question");
  BOOST_TEST(cat("どれから始めればいいでしょうか。") == "question");
}

BOOST_AUTO_TEST_CASE(questions) {
  BOOST_TEST(cat("本当ですかね。") == "question");
  BOOST_TEST(cat("パスキー？") == "question");
  BOOST_TEST(cat("ちなみに僕、パスワードほぼ全部同じなんですけど、やっぱまずいですかね(´・ω・`)") == "question");
  BOOST_TEST(cat("なにそれ、美味しいやつですかw") == "question");
  BOOST_TEST(cat("AI開発費用の実態はほとんど同じじゃないですか。") == "question");
  BOOST_TEST(cat("――最後に、今後の目標を聞かせてください。") == "question");
  // A request for information in an interviewer's turn asks (tests/data/claims/cases.tsv).
  BOOST_TEST(cat("――まず、事業の概要を教えてください。") == "question");
  BOOST_TEST(cat("申し込みは専用のフォームから行ってください。") == "other");
  BOOST_TEST(cat("え、これ本物？って一瞬思っちゃって、マジで焦りました😱") != "question");
  BOOST_TEST(cat("えっ、同時に？") == "other");
  BOOST_TEST(cat("170万！？") == "other");
  BOOST_TEST(cat("先輩、詳しすぎません！？") == "question");
  BOOST_TEST(cat("え、最強じゃないですか！") != "question");
  BOOST_TEST(cues("本当ですかね。") == "ですかね");
  BOOST_TEST(cues("パスキー？") == "？");
}

// What makes a sentence look like a question without asking: a suggestion or an invitation,
// an exclamation, a question word inside an indirect question, a hedge with ではないでしょうか.
BOOST_AUTO_TEST_CASE(sentences_that_look_like_questions) {
  BOOST_TEST(cat("ぜひ一度、足を運んでみてはいかがでしょうか。") == "other");
  BOOST_TEST(cat("疲れたら、少し休んだらどうですか？") == "other");
  BOOST_TEST(cat("次の休みに、家族で出かけてみませんか？") == "other");
  // として + は is a topic, not the て-form: the view of the addressee is asked for
  BOOST_TEST(cat("自治体としてはいかがですか。") == "question");
  BOOST_TEST(cat("毎日、夜遅くまでスマホを見ていませんか？") == "question");
  BOOST_TEST(cat("なんと美しい夕焼けだろうか。") == "other");
  BOOST_TEST(cat("何を選べばいいのか分からない人も多いでしょう。") == "speculation");
  BOOST_TEST(cat("どこで買えるのでしょうか。") == "question");
  // ではないでしょうか after a noun: a hedge in prose, a question in a spoken turn
  BOOST_TEST(cat("一番の問題は、やはり価格ではないでしょうか。") == "speculation");
  SentenceContext spoken;
  spoken.spoken = true;
  BOOST_TEST(cat("一番の問題は、やはり価格ではないでしょうか。", spoken) == "question");
  BOOST_TEST(cat("利用者はかえって増えるのではないでしょうか。") == "speculation");
}

// Advice is not a hedge; a quotation set off by a comma before its speaker is reported; a
// state the source ascribes (…は困難としている) is its position, a role (…を対象としている) a fact.
BOOST_AUTO_TEST_CASE(advice_comma_quotations_and_stated_positions) {
  BOOST_TEST(cat("寝る前には部屋を少し暗くするとよいでしょう。") == "opinion");
  BOOST_TEST(cat("来年はもっと寒くなるでしょう。") == "speculation");
  BOOST_TEST(cat("若い人に続けてもらうには、どうしたらいいでしょう。") == "question");
  BOOST_TEST(cat("値上がりはまだ続く可能性がある、と市場関係者は話した。") == "reported");
  BOOST_TEST(cat("県は、年内の開通は困難としている。") == "reported");
  BOOST_TEST(cat("この補助金は、中小企業を対象としている。") == "fact");
  BOOST_TEST(cat("大会は中止とした。") == "fact");
}

BOOST_AUTO_TEST_CASE(direct_quotations) {
  BOOST_TEST(cat("そのとき、父が「借りてくれる人さえいれば、土地は生きるのに。」と言ったのが忘れられなくて。") == "reported");
  BOOST_TEST(cat("ある業界関係者は「ようやく世界と勝負できる会社が出てきた。」と期待を寄せる一方、「簡単ではない」と慎重な見方も示した。") ==
             "reported");
  BOOST_TEST(cat("「お荷物をお届けに上がりましたが、不在のため持ち帰りました」って。") == "fact");
  BOOST_TEST(cat("最近、「量子コンピューターが今の暗号を破る日が来る」という見出しをよく目にしますよね。") != "reported");
}

BOOST_AUTO_TEST_CASE(scope_parenthetical_hedge) {
  std::string s = "莫大な費用のかかる「学習済みデータ」は、(まだ推測ですが)どこかのLLMから移行したものです。";
  BOOST_TEST(cat(s) == "speculation");
  BOOST_TEST(cues(s) == "(まだ推測ですが)");
  BOOST_TEST(cat("(※憶測ですが)既に研究開発済みです。") == "speculation");
  BOOST_TEST(cat("（まだ構想段階ですが）将来は海外の農地にも展開します。") == "speculation");
  // A parenthesis that is not a hedge changes nothing.
  BOOST_TEST(cat("蒸留(Distillation)によって移行したものです。") == "fact");
}

BOOST_AUTO_TEST_CASE(scope_retrospective_hedge) {
  const Lexicon& lex = Lexicon::builtin();
  BOOST_TEST(is_retrospective_hedge("あくまで憶測と推測に過ぎませんが。", lex));
  BOOST_TEST(is_retrospective_hedge("推測です。", lex));
  BOOST_TEST(is_retrospective_hedge("ただの想像ですけどね(笑)", lex));
  BOOST_TEST(!is_retrospective_hedge("この推測は正しい。", lex));
  BOOST_TEST(!is_retrospective_hedge("まだ推測の段階でデータを公開した。", lex));
  BOOST_TEST(cat("あくまで憶測と推測に過ぎませんが。") == "speculation");
}

BOOST_AUTO_TEST_CASE(scope_quotation_block) {
  SentenceContext q;
  q.block = "quote";
  q.introduced_quote = true;
  BOOST_TEST(cat("しかし我々は技術革新の貢献者になるべきだと考えている。", q) == "reported");
  BOOST_TEST(cat("中国は過去30年以上にわたって技術革新にただ乗りしてきた。", q) == "reported");
}

BOOST_AUTO_TEST_CASE(structure) {
  SentenceContext h;
  h.block = "head";
  BOOST_TEST(cat("【座談会】EVシフトは本当に減速したのか？", h) == "other");
  SentenceContext b;
  b.division = "boilerplate";
  BOOST_TEST(cat("この記事をシェアする", b) == "other");
  BOOST_TEST(cat("こんにちは、ハルカさん。") == "other");
  BOOST_TEST(cat("なるほど。") == "other");
}

BOOST_AUTO_TEST_CASE(user_lexicon_extends_and_removes) {
  Lexicon lex = Lexicon::builtin();
  lex.merge(Lexicon::parse("と睨んでいる\tspeculation/think\t0.8\tI suspect\n-おそらく\n", "user.tsv"));
  BOOST_TEST(std::string(to_string(classify("犯人は内部の人間だと睨んでいる。", {}, lex).category)) == "speculation");
  BOOST_TEST(std::string(to_string(classify("おそらく初めてだからです。", {}, lex).category)) == "fact");
  BOOST_CHECK_THROW(Lexicon::parse("推測\tguess\t0.5\n", "bad.tsv"), DataError);
  BOOST_CHECK_THROW(Lexicon::parse("推測\tspeculation\t1.5\n", "bad.tsv"), DataError);
  BOOST_CHECK_THROW(Lexicon::parse("推測\n", "bad.tsv"), DataError);
}

BOOST_AUTO_TEST_CASE(a_strength_that_is_not_a_number_is_refused_at_its_line) {
  // "nan" reads as NaN, which compares false with both bounds: it was accepted (issue 11, row 10).
  for (const char* bad : {"nan", "NaN", "-nan", "inf", "infinity"}) {
    try {
      Lexicon::parse(std::string("# cues\n推測\tspeculation\t") + bad + "\n", "mine.tsv");
      BOOST_ERROR("strength " << bad << " accepted");
    } catch (const DataError& e) {
      BOOST_TEST(e.line() == 2u);
      BOOST_TEST(std::string(e.what()).find("mine.tsv") != std::string::npos, e.what());
      BOOST_TEST(std::string(e.what()).find("strength") != std::string::npos, e.what());
    }
  }
  BOOST_CHECK_NO_THROW(Lexicon::parse("推測\tspeculation\t0\n推定\tspeculation\t1\n", "ok.tsv"));
}

// A turn written as 名前「…。…。」 is one sentence holding several (the name goes to the
// speaker): a hedge or a report in an earlier one decides over a plain statement at its end; a
// plain whole stays a fact.
BOOST_AUTO_TEST_CASE(earlier_sentence_of_a_closing_quotation) {
  SentenceContext turn;
  turn.spoken = true;
  BOOST_TEST(cat("「前年より一割ほど増えました。来年はさらに二割ほど伸びるかもしれません。まだ読めない部分も多いです」", turn) ==
             "speculation");
  BOOST_TEST(cues("「前年より一割ほど増えました。来年はさらに二割ほど伸びるかもしれません。まだ読めない部分も多いです」", turn)
                 .starts_with("かもしれ"));
  BOOST_TEST(cat("「欧州の出店は来春になる見通しです。現地の物流網を整えています」", turn) == "speculation");
  // a verb of thinking in passing, or a report, in an earlier sentence: the last one decides
  BOOST_TEST(cat("「雨は夕方にはやむと思います。傘は置いていきます」", turn) == "fact");
  BOOST_TEST(cat("「雨は夕方にはやむと聞きました。傘は置いていきます」", turn) == "fact");
  // outside a spoken turn too
  BOOST_TEST(cat("「欧州の出店は来春になる見通しです。現地の物流網を整えています」") == "fact");
  // no hedge anywhere, or the hedge is last: unchanged
  BOOST_TEST(cat("「去年の春に開店しました。席は十二です」", turn) == "fact");
  BOOST_TEST(cat("「席は十二です。週末は混むでしょう」", turn) == "speculation");
  // a question at the end is still a question
  BOOST_TEST(cat("「値上げの可能性もあると聞きました。実際はどうですか」", turn) == "question");
}

// とされる under a text that lays down rules (この規則では、第5条で) is its provision, a rule;
// after a figure with no such frame it is a received estimate, reported.
BOOST_AUTO_TEST_CASE(tosareru_in_the_frame_of_a_rule_text) {
  BOOST_TEST(cat("この規則では、会員の年会費は三千円とされています。") == "fact");
  BOOST_TEST(cat("条例により、店舗の営業は午後十時までとされている。") == "fact");
  BOOST_TEST(cat("第十二条で、申請の期限は三十日以内とされています。") == "fact");
  BOOST_TEST(cat("就業規則上、副業は届け出制とされている。") == "fact");
  BOOST_TEST(cat("被害額は三千万円とされています。") == "reported");
  BOOST_TEST(cat("原因は部品の劣化とされている。") == "reported");
  BOOST_TEST(cat("条件付きで、出荷は来月とされている。") == "reported");
}

// A verb of knowing or recognising over a possibility (あり得るものと承知しております) states
// only the possibility: speculation; over a plain content it decides nothing.
BOOST_AUTO_TEST_CASE(recognition_over_a_possibility) {
  BOOST_TEST(cat("そうした事態もあり得るものと承知しております。") == "speculation");
  BOOST_TEST(cat("同様の事故が起こり得るものと認識しております。") == "speculation");
  BOOST_TEST(cat("供給が滞る可能性があるものと認識している。") == "speculation");
  BOOST_TEST(cat("その件については報告を受けており、承知しております。") == "fact");
  BOOST_TEST(cat("制度は来年度から始まるものと承知しております。") == "fact");
}

// Xの情報です: someone's information, unless X is a point in time (取材時点の情報).
BOOST_AUTO_TEST_CASE(information_of_a_point_in_time) {
  BOOST_TEST(cat("※記事の内容は取材時点の情報です。") != "reported");
  BOOST_TEST(cat("※価格は執筆時点の情報です。") != "reported");
  BOOST_TEST(cat("これは警察の情報です。") == "reported");
}

// The inverted quotation (…と、X は + a verb of saying) past a long clause after the comma, and
// after a plain non-past form with its own subject; a condition (no subject before と) is not one.
BOOST_AUTO_TEST_CASE(inverted_quotation_before_a_long_clause) {
  BOOST_TEST(cat("今回の値上げはやむを得ない判断だったと、同社の広報を担当する営業企画部の山田部長は記者団に対して述べた。") ==
             "reported");
  BOOST_TEST(cat("安全性に問題はないと、メーカーの担当者は繰り返し説明している。") == "reported");
  BOOST_TEST(cat("保護者の間で不安が広がっていると、地元の新聞が伝えている。") == "reported");
  BOOST_TEST(cat("駅に着くと、友人は電話で誰かと話していた。") == "fact");
  BOOST_TEST(cat("ボタンを押すと、画面に説明が表示される。") == "fact");
}

// A quotation and then only a hearsay ending (no content word after the bracket).
BOOST_AUTO_TEST_CASE(hearsay_ending_after_a_quotation) {
  BOOST_TEST(cat("通りがかった女性に聞くと「毎日ここを通る」とのこと。") == "reported");
  BOOST_TEST(cat("近所の人の話では「この橋は来月から通行止め」らしい。") == "reported");
  BOOST_TEST(cat("古くからの住民は「昔はこの辺り一面が田んぼだった」という。") == "reported");
  BOOST_TEST(cat("「値段の割に量が少ない」と不満を漏らす客も少なくない。") == "reported");
  BOOST_TEST(cat("駅前の「ひまわり」という店。") != "reported");
}

// A message received that a quotation names (という報告を受けた), a posted notice that one names
// (との貼り紙が出ていた), a hearsay ending in the past after a bracket; と思う over what something
// became under an evaluative word (いい経験になった) or over 意味がある judges: an opinion.
BOOST_AUTO_TEST_CASE(messages_received_and_judged_outcomes) {
  BOOST_TEST(cat("検査では異常は見つからなかったという報告を受けた。") == "reported");
  BOOST_TEST(cat("店の入り口に「来月から営業時間を短縮します」との貼り紙が出ていた。") == "reported");
  BOOST_TEST(cat("店員に聞いたら「全部売り切れた」とのことでした。") == "reported");
  BOOST_TEST(cat("昨日、母から手紙を受け取った。") == "fact");
  BOOST_TEST(cat("新人は三日間の研修を受けた。") == "fact");
  BOOST_TEST(cat("いい経験になったと思います。") == "opinion");
  BOOST_TEST(cat("子どもたちにとっても良いきっかけになると思います。") == "opinion");
  BOOST_TEST(cat("続けることに意味があると思っています。") == "opinion");
  BOOST_TEST(cat("来年は新しい店になると思います。") == "speculation");
}

// …として、 + a verb of saying with an object: the grounds are the subject's words.
BOOST_AUTO_TEST_CASE(grounds_clause_before_a_verb_of_saying) {
  BOOST_TEST(cat("県は、今年の夏は水不足になる恐れがあるとして、節水への協力を求めている。") == "reported");
  BOOST_TEST(cat("市の担当者は、周辺の道路は夕方から混雑が予想されるとして、公共交通機関の利用を呼びかけている。") ==
             "reported");
  BOOST_TEST(cat("労組は、賃上げが物価に追いついていないとして、会社に再交渉を要求した。") == "reported");
  // として after a noun (as), or a verb that is not one of saying: unchanged
  BOOST_TEST(cat("原則として、入場には予約を求めている。") == "fact");
  BOOST_TEST(cat("県は、被害が広がっているとして、対策本部を設置した。") == "fact");
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(dates)

BOOST_AUTO_TEST_CASE(values) {
  BOOST_TEST(date("2024年8月の論文") == "date [2024年8月] when=2024-08");
  BOOST_TEST(date("2024年12月26日に公開") == "date [2024年12月26日] when=2024-12-26");
  BOOST_TEST(date("２０２４年１２月に公開") == "date [２０２４年１２月] when=2024-12");
  BOOST_TEST(date("2025年になり") == "date [2025年] when=2025");
  BOOST_TEST(date("1月20日に発表された") == "date [1月20日] when=--01-20");
  BOOST_TEST(date("1月20日に発表された", 2025) == "date [1月20日] when=2025-01-20");
  BOOST_TEST(date("米国では1月、") == "date [1月] when=--01");
  BOOST_TEST(date("米国では1月、", 2025) == "date [1月] when=2025-01");
  BOOST_TEST(date("令和6年に施行") == "date [令和6年] when=2024");
  BOOST_TEST(date("平成元年の") == "date [平成元年] when=1989");
  BOOST_TEST(date("2030年代の前半") == "date [2030年代] notBefore=2030 notAfter=2039");
  BOOST_TEST(date("量産開始が2027年以降にずれ込む") == "date [2027年以降] notBefore=2027");
  BOOST_TEST(date("2024/8/1の発表") == "date [2024/8/1] when=2024-08-01");
  BOOST_TEST(date("2025.03.14") == "date [2025.03.14] when=2025-03-14");
  BOOST_TEST(date("更新日 2024-12-01 10:00") == "date [2024-12-01] when=2024-12-01");
  BOOST_TEST(date("バージョン2023.10.1.2を") == "(none)");
  BOOST_TEST(date("十二月三日に") == "date [十二月三日] when=--12-03");
  BOOST_TEST(date("昨年までAI界隈だけの騒動だった") == "date [昨年] type=relative subtype=previous-year");
  BOOST_TEST(date("前回、振り返ったばかり") == "date [前回] type=relative subtype=previous-occasion");
  BOOST_TEST(date("昨年秋からは") == "date [昨年秋] type=relative subtype=previous-year");
  BOOST_TEST(date("熊本県では昨年2月、") == "date [昨年2月] type=relative subtype=previous-year when=--02");
  // 昨年の12月: the month of that year, never the year an earlier sentence named
  BOOST_TEST(date("町は昨年の12月議会で", 2023) == "date [昨年の12月] type=relative subtype=previous-year when=--12");
  BOOST_TEST(date("10年後には") == "date [10年後] type=relative subtype=after dur=P10Y");
  BOOST_TEST(date("その1週間後では") == "date [1週間後] type=relative subtype=after dur=P7D");
  BOOST_TEST(date("数年前に父が") == "date [数年前] type=relative subtype=before");
  BOOST_TEST(date("朝10:30ごろ着いた") == "time [10:30] when=10:30:00");
}

// The Japanese clock: 時 and 分, 半, 午前 and 午後 (with kanji numerals only after them), and
// what is not a clock time (a duration, a school period, an hour's span, words with 時).
BOOST_AUTO_TEST_CASE(clock_readings) {
  BOOST_TEST(date("会議は14時00分に始まった") == "time [14時00分] when=14:00:00");
  BOOST_TEST(date("終局は２０時４１分だった") == "time [２０時４１分] when=20:41:00");
  BOOST_TEST(date("9時半に集合") == "time [9時半] when=09:30:00");
  BOOST_TEST(date("10時に開場") == "time [10時] when=10:00:00");
  BOOST_TEST(date("午後3時半に閉場") == "time [午後3時半] when=15:30:00");
  BOOST_TEST(date("午前十時に") == "time [午前十時] when=10:00:00");
  BOOST_TEST(date("午後十二時") == "time [午後十二時] when=12:00:00");
  BOOST_TEST(date("午前12時") == "time [午前12時] when=00:00:00");
  BOOST_TEST(date("3時間待った") == "(none)");
  BOOST_TEST(date("2時限目は") == "(none)");
  BOOST_TEST(date("10時台に") == "(none)");
  BOOST_TEST(date("同時に一時停止した") == "(none)");
  BOOST_TEST(date("25時に") == "(none)");
  BOOST_TEST(date("午後13時") == "time [13時] when=13:00:00");  // 午後 cannot place 13: the hour alone
  BOOST_TEST(date("2時30分間") == "time [2時] when=02:00:00");
  DateContext ctx;
  std::string range = "14時00分～16時05分";
  auto ms = find_dates(range, ctx);
  BOOST_REQUIRE_EQUAL(ms.size(), 2u);
  BOOST_TEST(describe(ms, range, 1) == "time [16時05分] when=16:05:00");
}

BOOST_AUTO_TEST_CASE(year_from_context) {
  DateContext ctx;
  std::string s = "2024年8月に試作し、12月に出荷した。";
  auto ms = find_dates(s, ctx);
  BOOST_REQUIRE_EQUAL(ms.size(), 2u);
  BOOST_TEST(describe(ms, s, 1) == "date [12月] when=2024-12");
  BOOST_TEST(ctx.year == 2024);
}

BOOST_AUTO_TEST_CASE(not_dates) {
  DateContext ctx;
  BOOST_TEST(find_dates("数か月から半年程度です", ctx).empty());
  BOOST_TEST(find_dates("30年以上にわたる", ctx).empty());
  BOOST_TEST(find_dates("https://example.jp/2024/08/01/x", ctx).empty());
  BOOST_TEST(find_dates("3か月で", ctx).empty());
}

// 令和7年度, 2025年度: a Japanese fiscal year, April to the next March (not the calendar year).
BOOST_AUTO_TEST_CASE(fiscal_years) {
  BOOST_TEST(date("令和7年度の予算") == "date [令和7年度] type=fiscal-year from=2025-04-01 to=2026-03-31");
  BOOST_TEST(date("令和元年度から") == "date [令和元年度] type=fiscal-year from=2019-04-01 to=2020-03-31");
  BOOST_TEST(date("2024年度末まで") == "date [2024年度] type=fiscal-year from=2024-04-01 to=2025-03-31");
  BOOST_TEST(date("平成３０年度決算") == "date [平成３０年度] type=fiscal-year from=2018-04-01 to=2019-03-31");
  BOOST_TEST(date("令和7年4月1日") == "date [令和7年4月1日] when=2025-04-01");
  BOOST_TEST(date("昨年度の実績") == "date [昨年度] type=relative subtype=previous-fiscal-year");
  BOOST_TEST(date("前年度比で") == "date [前年度] type=relative subtype=previous-fiscal-year");
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(numbers)

// 三十一・五％: a middle dot between kanji numerals before a unit that measures is a decimal
// point; before anything else it joins two numbers (一・二年生).
BOOST_AUTO_TEST_CASE(kanji_numerals_with_a_decimal_dot) {
  BOOST_TEST(number("失業率は三十一・五％に上った") == "num [三十一・五％] type=percent value=31.5");
  BOOST_TEST(number("前年の一・五倍") == "num [一・五倍] type=ratio value=1.5");
  BOOST_TEST(number("二・三兆円の赤字") == "measure [二・三兆円] type=currency quantity=2300000000000 unit=JPY");
  BOOST_TEST(number("一・二年生が参加") != "num [一・二年生] type=ratio value=1.2");
}

BOOST_AUTO_TEST_CASE(money) {
  BOOST_TEST(number("80兆円もの大金") == "measure [80兆円] type=currency quantity=80000000000000 unit=JPY");
  BOOST_TEST(number("5000億ドルとは") == "measure [5000億ドル] type=currency quantity=500000000000 unit=USD");
  BOOST_TEST(number("$500Billion つまり") == "measure [$500Billion] type=currency quantity=500000000000 unit=USD");
  BOOST_TEST(number("＄５００Ｂｉｌｌｉｏｎ") == "measure [＄５００Ｂｉｌｌｉｏｎ] type=currency quantity=500000000000 unit=USD");
  BOOST_TEST(number("総額320億円を調達") == "measure [320億円] type=currency quantity=32000000000 unit=JPY");
  BOOST_TEST(number("1兆2000億円") == "measure [1兆2000億円] type=currency quantity=1200000000000 unit=JPY");
  BOOST_TEST(number("三千万円") == "measure [三千万円] type=currency quantity=30000000 unit=JPY");
  BOOST_TEST(number("65万円で") == "measure [65万円] type=currency quantity=650000 unit=JPY");
  // Everyday measures (recipes, health, weather); a Latin unit ends at a non-letter.
  BOOST_TEST(number("鶏肉120gを") == "measure [120g] type=mass quantity=120 unit=g");
  BOOST_TEST(number("砂糖150グラム") == "measure [150グラム] type=mass quantity=150 unit=g");
  BOOST_TEST(number("１食３８０ｋｃａｌ") == "measure [３８０ｋｃａｌ] type=energy quantity=380 unit=kcal");
  BOOST_TEST(number("高さ1.5mの") == "measure [1.5m] type=length quantity=1.5 unit=m");
  BOOST_TEST(number("幅30cm") == "measure [30cm] type=length quantity=30 unit=cm");
  BOOST_TEST(number("70㎡の部屋") == "measure [70㎡] type=area quantity=70 unit=m2");
  BOOST_TEST(number("牛乳200mL") == "measure [200mL] type=volume quantity=200 unit=mL");
  BOOST_TEST(number("気温35℃") == "measure [35℃] type=temperature quantity=35 unit=Cel");
  BOOST_TEST(number("3LDKの") == "(none)");
  // The news style's age: a number alone in brackets after a name, then a particle.
  BOOST_TEST(number("山田太郎さん（45）は") == "measure [45] type=age quantity=45 unit=year");
  BOOST_TEST(number("容疑者（７）が") == "measure [７] type=age quantity=7 unit=year");
  BOOST_TEST(number("いいね（25）") == "num [25] type=cardinal value=25");
  BOOST_TEST(number("図（12）を") == "num [12] type=cardinal value=12");
  BOOST_TEST(number("5minで") == "(none)");
  // After a label's colon, full-width or not (価格：, 料金:); a colon between figures is a time's.
  BOOST_TEST(number("価格：12,800円") == "measure [12,800円] type=currency quantity=12800 unit=JPY");
  BOOST_TEST(number("料金:500円") == "measure [500円] type=currency quantity=500 unit=JPY");
  BOOST_TEST(number("100万円近く安く") == "measure [100万円近く] type=currency quantity=1000000 unit=JPY atMost=1000000");
  BOOST_TEST(number("300万円を切る") == "measure [300万円] type=currency quantity=3000000 unit=JPY");
  BOOST_TEST(describe(find_numbers("1キロワット時あたり115ドルで"), "1キロワット時あたり115ドルで", 1) ==
             "measure [115ドル] type=currency quantity=115 unit=USD");
  BOOST_TEST(number("€3.5 million") == "measure [€3.5 million] type=currency quantity=3500000 unit=EUR");
  BOOST_TEST(number("1,200円") == "measure [1,200円] type=currency quantity=1200 unit=JPY");
  // A table's columns: one space between the figure and its currency (full-width or not).
  BOOST_TEST(number("大人 1,200 円") == "measure [1,200 円] type=currency quantity=1200 unit=JPY");
  BOOST_TEST(number("子ども　600　円") == "measure [600　円] type=currency quantity=600 unit=JPY");
  BOOST_TEST(number("入館料 大人 1,200 円 子ども 600 円") == "measure [1,200 円] type=currency quantity=1200 unit=JPY");
  BOOST_TEST(number("約2.5億ユーロ") == "measure [2.5億ユーロ] type=currency quantity=250000000 unit=EUR");
}

BOOST_AUTO_TEST_CASE(percentages_and_fractions) {
  BOOST_TEST(number("一夜にして17%も大暴落") == "num [17%] type=percent value=17");
  BOOST_TEST(number("正解率は92.5%でした") == "num [92.5%] type=percent value=92.5");
  BOOST_TEST(number("前年比４２．５％増") == "num [４２．５％] type=percent value=42.5");
  BOOST_TEST(number("新車の2割以上を占めた") == "num [2割以上] type=percent value=20 atLeast=20");
  BOOST_TEST(number("車両価格の3〜4割を占める") == "num [3〜4割] type=percent atLeast=30 atMost=40");
  BOOST_TEST(number("その1割強の") == "num [1割強] type=percent value=10 atLeast=10");
  BOOST_TEST(number("開発費用より十分の一以下") == "num [十分の一以下] type=fraction value=1/10 atMost=1/10");
  BOOST_TEST(number("GPUの3分の1程度") == "num [3分の1] type=fraction value=1/3");
  BOOST_TEST(number("費用は10分の1以下で済みます") == "num [10分の1以下] type=fraction value=1/10 atMost=1/10");
  BOOST_TEST(number("20パーセント") == "num [20パーセント] type=percent value=20");
}

BOOST_AUTO_TEST_CASE(durations_and_approximations) {
  BOOST_TEST(number("せいぜい数か月から") == "measure [数か月] type=duration unit=month atLeast=2 atMost=9");
  BOOST_TEST(describe(find_numbers("数か月から半年程度です"), "数か月から半年程度です", 1) ==
             "measure [半年] type=duration quantity=6 unit=month");
  BOOST_TEST(number("過去30年以上にわたる") == "measure [30年以上] type=duration quantity=30 unit=year atLeast=30");
  BOOST_TEST(number("4年間で最大") == "measure [4年間] type=duration quantity=4 unit=year");
  BOOST_TEST(number("わずか10日で") == "measure [10日] type=duration quantity=10 unit=day");
  BOOST_TEST(number("40分待ちました") == "measure [40分] type=duration quantity=40 unit=minute");
  BOOST_TEST(number("1年以上かかる") == "measure [1年以上] type=duration quantity=1 unit=year atLeast=1");
  BOOST_TEST(number("1年半かけて") == "measure [1年半] type=duration quantity=1.5 unit=year");
  BOOST_TEST(number("10分台まで") == "measure [10分台] type=duration quantity=10 unit=minute atLeast=10 atMost=19");
}

BOOST_AUTO_TEST_CASE(counts_and_units) {
  BOOST_TEST(number("販売台数は1700万台を超え") == "measure [1700万台] type=count quantity=17000000 unit=台");
  BOOST_TEST(number("1121量子ビットのプロセッサー") == "measure [1121量子ビット] type=count quantity=1121 unit=qubit");
  BOOST_TEST(number("約42万ヘクタール") == "measure [42万ヘクタール] type=area quantity=420000 unit=ha");
  BOOST_TEST(number("1000テラワット時を超える") == "measure [1000テラワット時] type=energy quantity=1000 unit=TWh");
  BOOST_TEST(number("150kW級") == "measure [150kW] type=power quantity=150 unit=kW");
  BOOST_TEST(number("約136万人でした") == "measure [136万人] type=count quantity=1360000 unit=人");
  BOOST_TEST(number("三つの特徴") == "measure [三つ] type=count quantity=3 unit=つ");
  BOOST_TEST(number("数十社が参加") == "measure [数十社] type=count unit=社 atLeast=20 atMost=90");
  BOOST_TEST(number("第1工場") == "num [第1] type=ordinal value=1");
  BOOST_TEST(number("利用者は2,500人") == "measure [2,500人] type=count quantity=2500 unit=人");
}

BOOST_AUTO_TEST_CASE(not_numbers) {
  BOOST_TEST(find_numbers("一夜にして").empty());
  BOOST_TEST(find_numbers("十分な性能の量子コンピューター").empty());
  BOOST_TEST(find_numbers("DeepSeek-R1とo1とMS-1").empty());
  BOOST_TEST(find_numbers("特徴①オープンソース").empty());
  BOOST_TEST(find_numbers("二要素認証(2FA)").empty());
  BOOST_TEST(find_numbers("唯一の方法で統一する").empty());
  BOOST_TEST(find_numbers("台数が出ない").empty());
  BOOST_TEST(find_numbers("http://takuhai-check.example.top/?id=8821").empty());
}

BOOST_AUTO_TEST_CASE(parse_values) {
  BOOST_TEST(*parse_number("5000億") == 5e11);
  BOOST_TEST(*parse_number("80兆") == 8e13);
  BOOST_TEST(*parse_number("1兆2000億") == 1.2e12);
  BOOST_TEST(*parse_number("三千二百") == 3200);
  BOOST_TEST(*parse_number("二〇二四") == 2024);
  BOOST_TEST(*parse_number("十分の一") == 0.1);
  BOOST_TEST(*parse_number("3分の1") == 1.0 / 3);
  BOOST_TEST(*parse_number("４２．５") == 42.5);
  BOOST_TEST(!parse_number("数十"));
  BOOST_TEST(!parse_number("円"));
  BOOST_TEST(format_number(5e11) == "500000000000");
  BOOST_TEST(format_number(42.5) == "42.5");
  BOOST_TEST(format_number(0.1) == "0.1");
  // Past 18 digits the shortest exact form, never more than the buffer holds (issue 11, row 1:
  // a number of 65 digits and more wrote 64 bytes of stack into @quantity).
  BOOST_TEST(format_number(1e70) == "1e+70");
  BOOST_TEST(format_number(-9.999e300) == "-9.999e+300");
  BOOST_TEST(format_number(1.5e18) == "1.5e+18");
  BOOST_TEST(format_number(123456.25) == "123456.25");
  BOOST_TEST(is_plain_decimal("-12.5"));
  BOOST_TEST(!is_plain_decimal("1e+70"));
}

BOOST_AUTO_TEST_CASE(numbers_of_any_length_give_valid_numeric_attributes) {
  // Seventy 9s: the value is 1e70; every numeric attribute is teidata.numeric (xsd:double,
  // decimal or a fraction of whole numbers), never uninitialised bytes.
  const std::regex numeric("-?[0-9]+(\\.[0-9]+)?(e[+-][0-9]+)?|-?[0-9]+/-?[0-9]+");
  for (std::string unit : {"人", "円", "年後", "分の1"}) {
    std::string sentence = "人口は" + std::string(70, '9') + unit + "です。";
    for (const auto& m : find_numbers(sentence))
      for (const auto& a : m.attrs.list())
        if (a.name == "quantity" || a.name == "value" || a.name == "atLeast" || a.name == "atMost")
          BOOST_TEST(std::regex_match(a.value, numeric), a.name << "=\"" << a.value << "\" is not teidata.numeric");
        else if (a.name == "dur")
          BOOST_TEST(std::regex_match(a.value, std::regex("P[0-9]+(\\.[0-9]+)?[YMWDH]")), a.value);
  }
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(names)

std::string names_of(std::string_view s) {
  std::string out;
  for (auto& m : find_names(s, Gazetteer::builtin())) {
    if (!out.empty()) out += " ";
    out += m.element;
    if (auto* t = m.attrs.get("type")) out += "/" + *t;
    out += "[" + std::string(s.substr(m.begin, m.end - m.begin)) + "]";
  }
  return out;
}

// 〻 is the iteration mark of vertical writing (Script=Han, like 々): the kanji before it
// again, so a name goes on through it (the claims copy of is_kanji lacked it: 佐〻<persName>木教授).
// A kanji surname, one space and a kanji given name before an honorific or a title is one name
// (stranger29 #5); a title or an organisation before the space is not a surname.
BOOST_AUTO_TEST_CASE(a_space_between_surname_and_given_name) {
  BOOST_TEST(names_of("森田 健一さんは") == "persName[森田 健一さん] addName/honorific[さん]");
  BOOST_TEST(names_of("北村　里美君の") == "persName[北村　里美君] addName/honorific[君]");
  BOOST_TEST(names_of("会長 山田さんは") == "persName[山田さん] addName/honorific[さん]");
  BOOST_TEST(names_of("担当 田中さんは") == "persName[田中さん] addName/honorific[さん]");
  BOOST_TEST(names_of("千種陽介七段は") == "persName[千種陽介七段] roleName[七段]");
}

BOOST_AUTO_TEST_CASE(iteration_marks_stay_inside_names) {
  BOOST_TEST(names_of("佐々木教授と会った") == "persName[佐々木教授] roleName[教授]");
  BOOST_TEST(names_of("佐〻木教授と会った") == "persName[佐〻木教授] roleName[教授]");
}

// A kanji surname and a given name in hiragana, before an honorific or a title: a person
// (stranger's 27 #4). Hiragana that are a word of their own, continue the word before them or
// inflect it are no given name.
BOOST_AUTO_TEST_CASE(a_given_name_in_hiragana) {
  BOOST_TEST(names_of("西田ゆかりさんは") == "persName[西田ゆかりさん] addName/honorific[さん]");
  BOOST_TEST(names_of("小野寺あかねさんが") == "persName[小野寺あかねさん] addName/honorific[さん]");
  BOOST_TEST(names_of("林さくら選手は") == "persName[林さくら選手] roleName[選手]");
  BOOST_TEST(names_of("田中まさひろ氏は") == "persName[田中まさひろ氏] addName/honorific[氏]");
  BOOST_TEST(names_of("先生のみなさんは") == "");
  BOOST_TEST(names_of("先生とみなさんは") == "");
  BOOST_TEST(names_of("子どもさんは") == "");
  BOOST_TEST(names_of("私たちさんは") == "");
  BOOST_TEST(names_of("走り切った選手を") == "");
  BOOST_TEST(names_of("優勝した選手は") == "");
}

BOOST_AUTO_TEST_CASE(titles_and_honorifics) {
  BOOST_TEST(names_of("ソフトバンク孫会長が") == "orgName[ソフトバンク] persName[孫会長] roleName[会長]");
  BOOST_TEST(names_of("トランプ大統領の隣で") == "persName[トランプ大統領] roleName[大統領]");
  BOOST_TEST(names_of("代表の中村健太氏に聞いた") == "persName[中村健太氏] addName/honorific[氏]");
  BOOST_TEST(names_of("同社の大西俊介社長は") == "persName[大西俊介社長] roleName[社長]");
  BOOST_TEST(names_of("DeepSeekの梁CEO はインタビューで") == "orgName[DeepSeek] persName[梁CEO] roleName[CEO]");
  BOOST_TEST(names_of("まず山田さん、") == "persName[山田さん] addName/honorific[さん]");
  BOOST_TEST(names_of("ニュースでよく聞くんですけど") == "");  // 聞く + んです, not 聞 + くん
  BOOST_TEST(names_of("これを書くんだよ") == "");
  BOOST_TEST(names_of("翔くんが来た") == "persName[翔くん] addName/honorific[くん]");
  BOOST_TEST(names_of("同社社長は") == "");
  BOOST_TEST(names_of("みなさん、") == "");
}

BOOST_AUTO_TEST_CASE(katakana_latin_and_credits) {
  BOOST_TEST(names_of("サム・アルトマンCEOと一緒に") == "persName[サム・アルトマンCEO] roleName[CEO]");
  BOOST_TEST(names_of("OpenAIの創業者Karpathyは") == "orgName[OpenAI] persName[Karpathy]");
  BOOST_TEST(names_of("著者:谷田部卓") == "persName[谷田部卓]");
  BOOST_TEST(names_of("聞き手:佐藤あかね　構成:木村大輔") == "persName[佐藤あかね] persName[木村大輔]");
  BOOST_TEST(names_of("なかむら・けんた　1988年生まれ") == "persName[なかむら・けんた]");
}

BOOST_AUTO_TEST_CASE(organisations_and_products) {
  BOOST_TEST(names_of("去年フィッシング対策協議会に届いた") == "orgName[フィッシング対策協議会]");
  // (its seat in brackets is a place by its suffix: facts35)
  BOOST_TEST(names_of("半導体スタートアップのミナトセミコン(東京都港区)は") ==
             "orgName[ミナトセミコン] placeName[東京都港区]");
  BOOST_TEST(names_of("台湾積体電路製造(TSMC)の子会社") == "orgName[台湾積体電路製造] orgName[TSMC]");
  BOOST_TEST(names_of("東京工業研究所(TIR)が") == "orgName[東京工業研究所] orgName[TIR]");
  BOOST_TEST(names_of("105量子ビットのチップ「Willow」を公開") == "name/product[Willow]");
  BOOST_TEST(names_of("試作チップ「MS-1」の動作") == "name/product[MS-1]");
  BOOST_TEST(names_of("推論モデル「DeepSeek-R1」を公開") == "name/product[DeepSeek-R1]");
  BOOST_TEST(names_of("2024年のMicrosoft Buildで") == "name/event[Microsoft Build]");
  BOOST_TEST(names_of("MdN社「アフターコロナのITソリューション」") == "orgName[MdN]");
  BOOST_TEST(names_of("アグリノーツ代表・中村健太氏") == "orgName[アグリノーツ] persName[中村健太氏] addName/honorific[氏]");
}

BOOST_AUTO_TEST_CASE(kabushiki_gaisha_before_or_after_the_name) {
  BOOST_TEST(names_of("サイバーダイン株式会社の発表では") == "orgName[サイバーダイン株式会社]");
  BOOST_TEST(names_of("、ミナトセミコン株式会社代表の") == "orgName[ミナトセミコン株式会社]");
  BOOST_TEST(names_of("昨日、株式会社サイバーダインの発表では") == "orgName[株式会社サイバーダイン]");
  BOOST_TEST(names_of("株式会社サイバーダインの発表では") == "orgName[株式会社サイバーダイン]");
  BOOST_TEST(names_of("サイバーダイン株式会社のロボットスーツが") == "orgName[サイバーダイン株式会社]");
  BOOST_TEST(names_of("同株式会社の発表では") == "");
}

BOOST_AUTO_TEST_CASE(user_gazetteer) {
  Gazetteer g = Gazetteer::builtin();
  g.merge(Gazetteer::parse("アグリノーツ\torgName\tour client\n-Meta\n", "mine.tsv"));
  auto ms = find_names("アグリノーツとMetaが", g);
  BOOST_REQUIRE_EQUAL(ms.size(), 1u);
  BOOST_TEST(ms[0].element == "orgName");
  BOOST_CHECK_THROW(Gazetteer::parse("X\tperson\n", "bad.tsv"), DataError);
}

BOOST_AUTO_TEST_CASE(data_rows_that_xml_cannot_hold_are_refused_at_their_line) {
  // An element type or a note with a byte that is not UTF-8 or a control character would be
  // written into the TEI and make it unreadable (found by fuzz_lexicon).
  auto line_col_of = [](auto parse) -> std::pair<std::size_t, std::size_t> {
    try {
      parse();
    } catch (const DataError& e) {
      return {e.line(), e.column()};
    }
    return {0, 0};
  };
  auto bad_type = line_col_of([] { Gazetteer::parse("# names\nアグリ\torgName/co\xFF\n", "bad.tsv"); });
  BOOST_TEST(bad_type.first == 2u);
  BOOST_TEST(bad_type.second == 21u);  // the byte, counted from 1
  BOOST_TEST(line_col_of([] { Gazetteer::parse("アグリ\torgName\tnote\x01\n", "bad.tsv"); }).first == 1u);
  BOOST_TEST(line_col_of([] { Lexicon::parse("推測\x7F\xEF\xBF\xBE\tspeculation\t0.5\n", "bad.tsv"); }).first == 1u);
  BOOST_TEST(line_col_of([] { Lexicon::parse("推測\tspeculation\t0.5\r\n", "ok.tsv"); }).first == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(stage)

Document doc_of(std::string_view text) {
  SegmentOptions o;
  o.source_name = "t.txt";
  return segment_text(text, o);
}

BOOST_AUTO_TEST_CASE(every_sentence_labelled_idempotent_valid_pointers) {
  Document doc = doc_of(
      "DeepSeekは2024年8月に論文を発表しました。そうかもしれませんね。あくまで憶測と推測に過ぎませんが。\n"
      "しかしDeepSeekの梁CEOはインタビューで以下のように語っています。\n"
      "我々は技術革新の貢献者になるべきだと考えている\n"
      "それって本当ですか?\n");
  annotate(doc);
  std::string once = tei::write(doc);
  for (auto* s : doc.sentences()) BOOST_TEST(!s->attrs.value("ana").empty());
  Document again = tei::read(once, "once");
  annotate(again);
  BOOST_TEST(tei::write(again) == once);
  // A third pass through the writer and reader changes nothing either.
  Document third = tei::read(tei::write(again), "again");
  annotate(third);
  BOOST_TEST(tei::write(third) == once);
  BOOST_TEST(once.find("<taxonomy xml:id=\"factuality\">") != std::string::npos);
  BOOST_TEST(once.find("<category xml:id=\"checkworthy\">") != std::string::npos);
  BOOST_TEST(once.find("ident=\"jatei-claims\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(hedge_covers_earlier_sentences) {
  Document doc = doc_of("そうかもしれませんね。あくまで憶測と推測に過ぎませんが。\n");
  annotate(doc);
  auto ss = doc.sentences();
  BOOST_REQUIRE_EQUAL(ss.size(), 2u);
  BOOST_TEST(ss[1]->attrs.value("ana") == "#speculation");
  BOOST_TEST(ss[1]->attrs.value("corresp") == "#" + ss[0]->id);
  BOOST_TEST(ss[0]->attrs.value("ana") == "#speculation");
}

BOOST_AUTO_TEST_CASE(hedge_marks_an_unhedged_sentence_before_it) {
  Document doc = doc_of("OpenAIは既に同じ手法を開発済みです。あくまで推測ですが。\n");
  annotate(doc);
  auto ss = doc.sentences();
  BOOST_REQUIRE_EQUAL(ss.size(), 2u);
  BOOST_TEST(ss[0]->attrs.value("ana") == "#speculation");
  BOOST_TEST(ss[1]->attrs.value("corresp") == "#" + ss[0]->id);
}

BOOST_AUTO_TEST_CASE(quotation_block_is_reported) {
  Document doc = doc_of(
      "同社の大西社長は、記者会見で次のように述べた。\n"
      "私たちは電力あたりの性能で勝負する。日本の設計力を示したいと考えている。\n");
  annotate(doc);
  for (auto* s : doc.sentences()) BOOST_TEST(s->attrs.value("ana").starts_with("#reported"));
}

BOOST_AUTO_TEST_CASE(checkworthy_and_markup) {
  Document doc = doc_of("エヌビディアの株価は1月20日に17%下落した。\nたぶん明日は晴れる。\n");
  annotate(doc);
  auto ss = doc.sentences();
  BOOST_TEST(ss[0]->attrs.value("ana") == "#fact #checkworthy");
  BOOST_TEST(ss[1]->attrs.value("ana") == "#speculation");
  std::string xml = tei::write(doc);
  BOOST_TEST(xml.find("<date when=\"--01-20\">1月20日</date>") != std::string::npos);
  BOOST_TEST(xml.find("<num type=\"percent\" value=\"17\">17%</num>") != std::string::npos);
  BOOST_TEST(xml.find("<orgName>エヌビディア</orgName>") != std::string::npos);
  BOOST_TEST(xml.find("<seg type=\"cue\" subtype=\"speculation\">たぶん</seg>") != std::string::npos);
}

// The people's profiles in an author box (under ■プロフィール after the body) say who they are:
// facts, but none of the article's claims a fact-checker is handed; the same sentence in the
// body is one.
BOOST_AUTO_TEST_CASE(a_bio_in_the_author_box_is_not_checkworthy) {
  Document doc = doc_of(
      "工房は2019年に町の中心部へ移った。職人は5人いる。\n"
      "新しい窯は去年の秋に完成した。\n"
      "■プロフィール\n"
      "1968年、岐阜県生まれ。陶芸家。\n");
  annotate(doc);
  BOOST_REQUIRE_EQUAL(doc.divisions.back().type, "author");
  for (auto* s : doc.sentences()) {
    const std::string& text = s->text;
    std::string ana = s->attrs.value("ana");
    if (text.starts_with("工房は")) BOOST_TEST(ana == "#fact #checkworthy");
    if (text.starts_with("1968年")) BOOST_TEST(ana == "#fact", text << ": " << ana);
  }
}

BOOST_AUTO_TEST_CASE(year_carries_across_paragraphs_of_a_division) {
  // ... but not into the next division (a trailer closes the first one here).
  Document doc = doc_of(
      "DeepSeekは2024年に推論モデルを公開した。\nエヌビディアの株価は1月20日に17%下落した。\n(続く)\n"
      "別の話です。2月3日に発表があった。\n");
  annotate(doc);
  BOOST_REQUIRE_EQUAL(doc.divisions.size(), 2u);
  std::string xml = tei::write(doc);
  BOOST_TEST(xml.find("<date when=\"2024-01-20\">1月20日</date>") != std::string::npos);
  BOOST_TEST(xml.find("<date when=\"--02-03\">2月3日</date>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(foreign_markup_is_kept_and_never_crossed) {
  Document doc = doc_of("サム・アルトマンCEOは5000億ドルを投じると述べた。\n");
  // Another tool's element over "CEOは5000" crosses our persName and measure; a hand-made
  // persName (with @ref) is not ours to remove.
  Sentence* s = doc.sentences()[0];
  std::size_t b = s->text.find("CEO");
  std::size_t e = s->text.find("億");
  Span term{b, e, "term", {}};
  s->spans.push_back(term);
  Span hand{0, b, "persName", {}};
  hand.attrs.set("ref", "#altman");
  s->spans.push_back(hand);
  annotate(doc);
  BOOST_TEST((s->spans[0] == term));
  BOOST_TEST((s->spans[1] == hand));
  BOOST_CHECK_NO_THROW(tei::write(doc));
  std::string once = tei::write(doc);
  Document again = tei::read(once);
  annotate(again);
  BOOST_TEST(tei::write(again) == once);
}

BOOST_AUTO_TEST_CASE(user_ana_tokens_survive) {
  Document doc = doc_of("株価は17%下落した。\n");
  doc.sentences()[0]->attrs.set("ana", "#speculation #mine");
  annotate(doc);
  BOOST_TEST(doc.sentences()[0]->attrs.value("ana") == "#fact #checkworthy #mine");
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
// A comma before the quotative particle, requests not to, sources named after the quotation.
BOOST_AUTO_TEST_SUITE(stranger_s22)

BOOST_AUTO_TEST_CASE(comma_before_the_quotative_particle) {
  BOOST_TEST(cat("来月から運賃を上げる、と鉄道会社は発表した。") == "reported");
  BOOST_TEST(cat("二度と同じ過ちは繰り返さない，と監督は述べた。") == "reported");  // full-width comma
  BOOST_TEST(cat("「安全には万全を期した」、と工場長は強調した。") == "reported");
  BOOST_TEST(cat("責任はすべて自分にある、などと釈明した。") == "reported");
  BOOST_TEST(decide("値上げはしない、と社長は述べた。").predicate.find("after-comma") != std::string::npos);
  // A conjunction that starts with と is no quotative particle.
  BOOST_TEST(cat("疲れていた、とはいえ休むわけにはいかなかった。") == "fact");
  BOOST_TEST(decide("疲れていた、とはいえ休むわけにはいかなかった。").predicate.find("after-comma") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(hearsay_at_the_end_takes_in_the_hedges_before_it) {
  // In its own clause and in a clause coordinated with it: what is heard is the hedged content.
  for (std::string_view s : {"橋の架け替えは再来年になる見込みで、その間は渡し船を出すという。",
                             "火災の原因は、たばこの不始末の可能性があるという。",
                             "新しい店は駅の北側にできるかもしれないそうだ。", "値上げは避けられないだろうという。"}) {
    BOOST_TEST(cat(s) == "reported", s);
    BOOST_TEST(decide(s).rule.find("hearsay over a hedge") != std::string::npos, s);
  }
  // A hedge after the hearsay noun is the speaker's own.
  BOOST_TEST(cat("値上げがすぐに始まるという見方は少ないだろう。") == "speculation");
  // Hearsay with no hedge is decided as before.
  BOOST_TEST(decide("二人は高校の同級生だという。").rule == "hearsay (unnamed source)");
}

BOOST_AUTO_TEST_CASE(what_the_speaker_cannot_say_for_certain_is_no_report) {
  // A verb of saying for certain in the potential negative: a hedge, not a quotation.
  for (std::string_view s : {"数字だけを見て、景気が回復したとは言い切れない。", "ただ、そうとも言い切れないのです。",
                             "彼が犯人だとは断言できません。", "そうとは限りません。"})
    BOOST_TEST(cat(s) == "speculation", s);
  // Said of someone, or said in the past, the verb of saying over it decides.
  BOOST_TEST(cat("専門家は、安全だとは言い切れないと指摘した。") == "reported");
  // Other verbs of saying in the negative keep their reading.
  BOOST_TEST(cat("そんなことは誰にも言わなかった。") == "fact");
}

BOOST_AUTO_TEST_CASE(youni_omou_is_a_guess_or_an_opinion_as_to_omou_is) {
  BOOST_TEST(cat("去年の夏は、今年より雨が少なかったように思う。") == "speculation");
  BOOST_TEST(cat("駅までの道は、地図で見るより遠回りのように思います。") == "speculation");
  BOOST_TEST(cat("アプリの画面は、前よりずっと見やすくなったように思います。") == "opinion");
  BOOST_TEST(cat("煮込んだ分だけ、味が優しくなったように感じる。") == "opinion");
  // An adjective of ease after a verb stem is an evaluation, as the predicate or under と感じた.
  BOOST_TEST(cat("この財布は小銭が取り出しにくい。") == "opinion");
  BOOST_TEST(cat("字が大きいので読みやすいと感じた。") == "opinion");
  BOOST_TEST(cat("バッテリーは丸一日持つ。") == "fact");
  // A noun predicate under a word of evaluation is one too; under a word of state it is stated.
  BOOST_TEST(cat("最後の場面まで緊張の続く、見事な脚本だった。") == "opinion");
  BOOST_TEST(cat("この店のカレーは、町でいちばん素晴らしい一皿だ。") == "opinion");
  BOOST_TEST(cat("隣にできたのは新しいコンビニだ。") == "fact");
}

BOOST_AUTO_TEST_CASE(requests_not_to_are_requests) {
  for (std::string_view s : {"展示品には手を触れないでください。", "無理をしないで下さい。", "明日は遅刻しないでね。",
                             "大声で騒がないようにしてください。", "車内に置いたままにしないようお願いします。",
                             "傘を忘れないように。", "絶対に押さないで！"})
    BOOST_TEST(cat(s) == "other", s);
  BOOST_TEST(decide("展示品には手を触れないでください。").predicate.find("prohibition") != std::string::npos);
  // The negative て-form inside the clause, and a benefactive in the negative, ask nothing.
  BOOST_TEST(cat("彼は何も言わないで帰った。") == "fact");
  BOOST_TEST(cat("結局、誰にも信じてもらえなかった。") == "fact");
}

// The TEI of a text segmented and annotated by this stage.
std::string annotated(const std::string& text) {
  SegmentOptions o;
  Document doc = segment_text(text, o);
  annotate(doc);
  return tei::write(doc);
}

BOOST_AUTO_TEST_CASE(the_speaker_named_after_the_quotation_is_the_source) {
  std::string xml = annotated("値上げはしない、と社長は述べた。\n問題はないと県警は発表した。\n");
  BOOST_TEST(xml.find("source=\"#s1-src\"") != std::string::npos);
  BOOST_TEST(xml.find("<persName xml:id=\"s1-src\">社長</persName>") != std::string::npos);
  BOOST_TEST(xml.find("<orgName xml:id=\"s2-src\">県警</orgName>") != std::string::npos);
  // Not the topic inside the quotation.
  BOOST_TEST(xml.find(">値上げ</persName>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(hearsay_that_names_no_one_has_no_source) {
  // そうだ, らしい, とされる name no one: the topic is what is said (明日 is no person); an active
  // verb of report has its subject for a source (同社は…としている), as has によると.
  std::string xml = annotated(
      "明日は雨が降るそうだ。\n社長は来月辞任するらしい。\n事故は整備不良が原因とされる。\n"
      "同社は「問題ない」としている。\n県警によると、男は容疑を認めているという。\n");
  for (const char* id : {"s1", "s2", "s3"}) {
    BOOST_TEST(xml.find(std::string("<s xml:id=\"") + id + "\" ana=\"#reported") != std::string::npos, id);
    BOOST_TEST(xml.find(std::string("source=\"#") + id + "-src\"") == std::string::npos, id);
  }
  BOOST_TEST(xml.find(">明日</persName>") == std::string::npos);
  BOOST_TEST(xml.find("<orgName xml:id=\"s4-src\">同社</orgName>") != std::string::npos);
  BOOST_TEST(xml.find("<orgName xml:id=\"s5-src\">県警</orgName>") != std::string::npos);
}

// News style (stranger29 #4, #5): an age or a role in brackets between the name and its
// particle, and a surname and given name with a space between them (full-width or not), still
// name the source.
BOOST_AUTO_TEST_CASE(an_age_in_brackets_or_a_spaced_name_still_names_the_source) {
  std::string xml = annotated("山田太郎さん（45）は「驚いた」と話した。\n森田　健一さんは「よかった」と語った。\n"
                              "千種陽介七段（32）は「覚悟していた」と話した。\n");
  BOOST_TEST(xml.find("source=\"#s1-src\"><persName xml:id=\"s1-src\">山田太郎") != std::string::npos, xml);
  BOOST_TEST(xml.find("<measure type=\"age\" quantity=\"45\" unit=\"year\">45</measure>") != std::string::npos, xml);
  BOOST_TEST(xml.find("source=\"#s2-src\"><persName xml:id=\"s2-src\">森田　健一") != std::string::npos, xml);
  BOOST_TEST(xml.find("<persName xml:id=\"s3-src\">千種陽介<roleName>七段</roleName></persName>") != std::string::npos, xml);
}

// News opens sentences with a connective (stranger31 #2): the topic after it is still the
// source. A country is a place, not a person (#5); a talk about something is no hearsay (#4).
BOOST_AUTO_TEST_CASE(the_source_after_a_connective_and_a_country_as_a_place) {
  std::string xml = annotated("一方、文部科学省は「調査中だ」と説明した。\nまた、警察庁の担当者は「確認中だ」と説明した。\n"
                              "さらに田中太郎氏は「問題ない」と述べた。\nアメリカの調査では、売上が伸びたとされています。\n"
                              "今日は新しい薬の話です。\n一方的に同社は「問題ない」と述べた。\n");
  BOOST_TEST(xml.find("<orgName xml:id=\"s1-src\">文部科学省</orgName>") != std::string::npos, xml);
  BOOST_TEST(xml.find("<persName xml:id=\"s2-src\"><orgName>警察庁</orgName>の担当者</persName>") != std::string::npos, xml);
  BOOST_TEST(xml.find("xml:id=\"s3-src\">田中太郎") != std::string::npos, xml);
  BOOST_TEST(xml.find("<placeName xml:id=\"s4-src\">アメリカ</placeName>") != std::string::npos, xml);
  BOOST_TEST(xml.find("s5-src") == std::string::npos, xml);
  BOOST_TEST(xml.find("<s xml:id=\"s5\" ana=\"#fact") != std::string::npos, xml);
  // 一方的に is an adverb, no connective (一方 is no source); the topic after it is the source
  BOOST_TEST(xml.find("<orgName xml:id=\"s6-src\">同社</orgName>") != std::string::npos, xml);
}

// A hearsay noun as the subject (…との報告があった): the sentence's topic is part of what is
// reported, not its source (stranger29 #1); who it came from (Xから「…」, Xから、…) is.
BOOST_AUTO_TEST_CASE(the_topic_inside_a_hearsay_noun_is_no_source) {
  std::string xml = annotated("利用者の半数が高齢者であったとの報告があった。\n委員から「駐輪場が足りない」との発言があった。\n"
                              "住民から、街灯を増やしてほしいとの要望が出された。\n駅から近いとの声が多い。\n"
                              "専門家の間では、来年には値下がりするとの見方が出ている。\n");
  BOOST_TEST(xml.find("source=\"#s1-src\"") == std::string::npos, xml);
  BOOST_TEST(xml.find("<persName xml:id=\"s2-src\">委員</persName>から") != std::string::npos, xml);
  BOOST_TEST(xml.find("<persName xml:id=\"s3-src\">住民</persName>から") != std::string::npos, xml);
  BOOST_TEST(xml.find("source=\"#s4-src\"") == std::string::npos, xml);
  // Where a view goes round (…の間では) names who holds it.
  BOOST_TEST(xml.find("<persName xml:id=\"s5-src\">専門家の間</persName>では") != std::string::npos, xml);
}

// A list item whose last sentence reports what the item says (…との意見があった): the earlier
// sentences of the item are the opinion too, not facts (stranger29 #3); an item without such a
// last sentence, or one whose quotation is bracketed, keeps its facts.
BOOST_AUTO_TEST_CASE(a_list_item_reported_by_its_last_sentence) {
  std::string xml = annotated("主な意見\n\n・費用は1人4,000円で高すぎる。見直すべきだとの意見があった。\n"
                              "・会場は駅から遠い。委員から「送迎を増やしてほしい」との要望が出された。\n"
                              "・来年度も同じ会場で開く。日程は未定である。\n");
  auto ana = [&](const std::string& id) {
    std::smatch m;
    std::regex re("<s xml:id=\"" + id + "\" ana=\"([^\"]*)\"");
    return std::regex_search(xml, m, re) ? m[1].str() : std::string("(none)");
  };
  BOOST_TEST(ana("s2").starts_with("#reported"), xml);
  BOOST_TEST(ana("s3").starts_with("#reported"), xml);
  BOOST_TEST(ana("s4").starts_with("#fact"), xml);  // the quotation is bracketed: it is all that was said
  BOOST_TEST(ana("s6").starts_with("#fact"), xml);
  BOOST_TEST(ana("s7").starts_with("#fact"), xml);
}

// The page's dateline dates the days of divisions that state no year of their own (stranger29
// #13); a division that states one keeps it; a year inside a sentence is no dateline.
BOOST_AUTO_TEST_CASE(the_dateline_dates_days_in_later_divisions) {
  std::string xml = annotated("挑戦者決定戦の観戦記\n2026年11月3日 06:00\n\n"
                              "■序盤\n\n10月28日、対局は午前10時に始まった。\n\n"
                              "■展望\n\n2030年の計画を見ると、5月1日に発表された。\n");
  BOOST_TEST(xml.find("<date when=\"2026-10-28\">10月28日</date>") != std::string::npos, xml);
  BOOST_TEST(xml.find("<date when=\"2030-05-01\">5月1日</date>") != std::string::npos, xml);
  std::string none = annotated("調査の概要\n2024年8月に論文が出た。\n\n■続き\n\n10月28日に発表された。\n");
  BOOST_TEST(none.find("<date when=\"--10-28\">10月28日</date>") != std::string::npos, none);
}

// 名前「…」 with a name MeCab does not read as a person's but the name finder's titles do
// (千種七段: a rank after a surname) is that person's words, as 芦原五段「…」 is (stranger29 #9).
BOOST_AUTO_TEST_CASE(a_name_with_a_title_before_a_quotation_is_a_speaker) {
  BOOST_TEST(cat("千種七段「中盤で苦しくなるのは覚悟していました。最後は運が良かった」") == "reported");
  BOOST_TEST(cat("大隅部長「本数は減らさない」") == "reported");
  BOOST_TEST(cat("展示会場「第2ホール」") != "reported");
}

BOOST_AUTO_TEST_CASE(the_topic_with_its_honorific_or_its_office_is_the_source) {
  // 山本さんは「…」と話した: the name with さん; 市防災課の田中誠課長は: the phrase joined by の.
  std::string xml = annotated("山本さんは「怖かった」と話した。\n同社の広報担当者は、事実関係を確認中だと述べた。\n");
  BOOST_TEST(xml.find("source=\"#s1-src\"><persName xml:id=\"s1-src\">山本") != std::string::npos, xml);
  BOOST_TEST(xml.find("<persName xml:id=\"s2-src\">同社の広報担当者</persName>") != std::string::npos, xml);
}

BOOST_AUTO_TEST_CASE(a_word_that_only_looks_like_a_name_is_no_source) {
  // 実は (a conjunction for MeCab) is no topic 実; 仕様 is one word, not 仕 + the honorific 様;
  // 高齢の方から: the bare 方 is the head of its description.
  std::string xml = annotated("実は、駅前に大型店が来るらしいという噂が広がっています。\n"
                              "商品の価格や仕様は変更される場合があります。\n"
                              "高齢の方からは「バスを増やしてほしい」という声も届いています。\n");
  BOOST_TEST(xml.find(">実</persName>") == std::string::npos, xml);
  BOOST_TEST(xml.find("<s xml:id=\"s1\" ana=\"#reported") != std::string::npos, xml);
  BOOST_TEST(xml.find("<addName type=\"honorific\">様") == std::string::npos, xml);
  BOOST_TEST(xml.find("<persName xml:id=\"s3-src\">高齢の方</persName>") != std::string::npos, xml);
  // 田中様 stays a name with its honorific
  BOOST_TEST(names::names_of("田中様からの") == "persName[田中様] addName/honorific[様]");
}

BOOST_AUTO_TEST_CASE(an_introduced_quotation_is_its_introducers_words) {
  // A quotation block after 次のように話した / こう述べた is the words of the person that
  // sentence names, not of the next introducer that points (こう) at its own quotation; a line
  // that ends in a colon after a verb of saying or a noun of a statement introduces too; a
  // quotation of several paragraphs (each opened with 「, only the last closed) is one person's.
  std::string xml = annotated(
      "試合を終えて、監督の村井さんは次のように話した。\n\n「今年は選手がよく走りました。春は悔しい思いをしましたから。\n\n"
      "「来年はもう一つ上を目指します」\n\n組合の委員長は、こう述べた。\n\n「賃上げは5%が必要だ」\n\n"
      "市長はこう述べた：\n\n「予算は来月までにまとめます」\n\n組合長のあいさつ：\n\n「今年は過去最多の参加者が集まりました」\n");
  auto source_of = [&](const std::string& id) {
    std::smatch m;
    std::regex re("<s xml:id=\"" + id + "\" ana=\"([^\"]*)\"(?: source=\"([^\"]*)\")?");
    if (!std::regex_search(xml, m, re)) return std::string("(no s)");
    return m[1].str() + " " + m[2].str();
  };
  BOOST_TEST(source_of("s1").starts_with("#reported"), xml);
  for (const char* id : {"s2", "s3", "s4"}) BOOST_TEST(source_of(id).ends_with(" #s1-src"), id << " " << source_of(id));
  BOOST_TEST(xml.find("<persName xml:id=\"s1-src\">監督の<persName>村井") != std::string::npos, xml);
  BOOST_TEST(source_of("s6").ends_with(" #s5-src"), source_of("s6"));
  BOOST_TEST(source_of("s8").starts_with("#reported"), source_of("s8"));
  BOOST_TEST(source_of("s8").ends_with(" #s7-src"), source_of("s8"));
  BOOST_TEST(source_of("s10").starts_with("#reported"), source_of("s10"));
}

BOOST_AUTO_TEST_CASE(words_whose_verb_of_saying_is_left_out) {
  // A vox pop: the quotation, then who said it in brackets.
  BOOST_TEST(cat("「駐車場が広くなって助かっています」(主婦50代)") == "reported");
  BOOST_TEST(cat("「夜でも明るいので安心です」（20代女性）") == "reported");
  BOOST_TEST(cat("「本日は貸し切りです」（臨時）") != "reported");
  // A person after a relative clause, then the words; a person who opens the sentence, then
  // the words after a comma.
  BOOST_TEST(cat("去年から店を手伝っている長女の美咲さん「お客さんの顔を覚えるのが楽しい」") == "reported");
  BOOST_TEST(cat("母は届いた手紙を読み終えて、「まだ元気でいてくれた」") == "reported");
  BOOST_TEST(cat("駅前の掲示板には「工事中」") == "fact");
  // In a list the same line is a headline that links to an interview.
  std::string xml = annotated(
      "商店街では今月、三つの店が新しく開店した。\n\nこれまでの特集は次の通り。\n"
      "・去年から店を手伝っている長女の美咲さん「お客さんの顔を覚えるのが楽しい」\n・商店街の夏祭り、今年も開催へ\n"
      "・新しいパン屋が駅前に開店\n\n来月は秋祭りの準備を取り上げる。\n");
  BOOST_TEST(xml.find("<item xml:id=\"i1\"><s xml:id=\"s3\" ana=\"#fact") != std::string::npos, xml);
}

BOOST_AUTO_TEST_CASE(words_before_the_comma_heard_from_someone) {
  // …って、X に聞いた: the quotation before the comma, then whom it was heard from.
  BOOST_TEST(cat("雪の日は路面が凍りやすいって、タクシーの運転手さんに聞きました。") == "reported");
  BOOST_TEST(cat("来月から料金が上がるって、大家さんに聞いた。") == "reported");
  BOOST_TEST(cat("駅までの道を、交番のおまわりさんに聞いた。") == "fact");
}

BOOST_AUTO_TEST_CASE(a_document_is_no_person_its_owner_is_the_source) {
  std::string xml = annotated(
      "東京都の発表によると、感染者は増えているという。\n調査によると、若者の半数が朝食を抜いている。\n"
      "厚生労働省の人口動態統計によれば、出生数は過去最少だった。\n");
  BOOST_TEST(xml.find("<orgName xml:id=\"s1-src\">東京都</orgName>の発表") != std::string::npos);
  BOOST_TEST(xml.find("<name type=\"document\" xml:id=\"s2-src\">調査</name>") != std::string::npos);
  BOOST_TEST(xml.find("<orgName xml:id=\"s3-src\">厚生労働省</orgName>") != std::string::npos);
  BOOST_TEST(xml.find("<persName xml:id=\"s1-src\">発表") == std::string::npos);
  // Idempotent: the document name is this stage's own.
  Document again = tei::read(xml, "once");
  annotate(again);
  BOOST_TEST(tei::write(again) == xml);
}

BOOST_AUTO_TEST_CASE(common_nouns_with_san_name_no_one) {
  auto persons = [](std::string_view s) {
    std::string out;
    for (auto& m : find_names(s, Gazetteer::builtin()))
      if (m.element == "persName") out += std::string(s.substr(m.begin, m.end - m.begin)) + "|";
    return out;
  };
  BOOST_TEST(persons("相談に来るお客さんは増えている。") == "");
  BOOST_TEST(persons("運転手さんとスタッフさんに聞いた。") == "");
  BOOST_TEST(persons("お子さんのいる家庭が対象です。") == "");
  BOOST_TEST(persons("花子さんが来た。") == "花子さん|");  // 子 counts only alone
  BOOST_TEST(persons("山田さんが来た。") == "山田さん|");
}

BOOST_AUTO_TEST_CASE(codes_with_hyphens_are_no_numbers) {
  BOOST_TEST(number("電話 0123-45-6789") == "(none)");
  BOOST_TEST(number("〒123-4567 東京都") == "(none)");
  BOOST_TEST(number("住所は1-2-3です") == "(none)");
  BOOST_TEST(number("参加者は10-20人だった。") == "measure [10-20人] type=count unit=人 atLeast=10 atMost=20");
}

BOOST_AUTO_TEST_CASE(tosareru_hazu_and_negated_denials) {
  // とされる reports what unnamed sources say, of a past event too; a hedge in the quotation
  // makes it speculation.
  BOOST_TEST(cat("事故の原因は整備不良だったとされる。") == "reported");
  BOOST_TEST(cat("この城は16世紀に築かれたとされる。") == "reported");
  BOOST_TEST(cat("噴火は数年以内に起きるだろうとされる。") == "speculation");
  // はずはない/はずがない: a conviction, still a guess
  BOOST_TEST(cat("担当者がこの数字を見落としたはずはない。") == "speculation");
  BOOST_TEST(cat("あの慎重な人が鍵をかけ忘れるはずがない。") == "speculation");
  // A denial in the negative states that none was made; 認めていない denies.
  BOOST_TEST(cat("会社は報道の内容を否定していない。") == "fact");
  BOOST_TEST(cat("男は容疑を認めていない。") == "reported");
  BOOST_TEST(cat("同社は疑惑を否定した。") == "reported");
  BOOST_TEST(cat("その可能性は否定できない。") == "speculation");
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
// Session 23 (issue 13): FAQ headings that ask, elliptical and wordless requests in turns that
// ask, words under a statement heading, and one nesting with another tool's elements.
BOOST_AUTO_TEST_SUITE(session23)

Document doc_of(std::string_view text) {
  SegmentOptions o;
  o.source_name = "t.txt";
  return segment_text(text, o);
}

BOOST_AUTO_TEST_CASE(a_heading_that_asks_the_reader_is_a_question) {
  SentenceContext head;
  head.block = "head";
  // An FAQ's question: under a Q. label, with ？ or か or a question word.
  BOOST_TEST(cat("Q1. 電池はどのくらい持ちますか？", head) == "question");

  BOOST_TEST(cat("Q3. 電池の交換方法は？", head) == "question");
  // A numbered Q before a space is the same label (Q1 錆びたチェーンは使える？); a word that starts
  // with Q is none (QRコードの読み取り方は？ names its section's topic).
  BOOST_TEST(cat("Q1 錆びたチェーンは使える？", head) == "question");
  BOOST_TEST(cat("Q12 タイヤは替えるべき？", head) == "question");
  BOOST_TEST(cat("QRコードの読み取り方は？", head) == "other");
  // In the polite form, beside another heading that asks (the page's FAQ); alone, an article's
  // heading over its section.
  SentenceContext faq = head;
  faq.faq = true;
  BOOST_TEST(cat("故障でしょうか？", faq) == "question");
  BOOST_TEST(cat("Ｑ１　相続登記をしないと、すぐに過料が科されるのですか。", faq) == "question");
  BOOST_TEST(cat("お店で回収してもらうことはできますか？", faq) == "question");
  BOOST_TEST(cat("お店で回収してもらうことはできますか？", head) == "other");
  // A heading in the plain form names its section's topic.
  BOOST_TEST(cat("■日本語の性能は？", faq) == "other");
  BOOST_TEST(cat("■耐性はどうやって生まれるのか", faq) == "other");
  BOOST_TEST(cat("【座談会】EVシフトは本当に減速したのか？", head) == "other");
  BOOST_TEST(cat("Q3. 解錠に失敗することがあります。", head) == "other");
  // The FAQ of a page, segmented: each question a heading of its own division.
  Document doc = doc_of(
      "スマートスピーカーのよくある質問\nQ1. 充電はどのくらいで終わりますか？\n付属のケーブルで、約2時間で満充電になります。\n"
      "Q2. 子ども用の設定はありますか？\nアプリの「家族」から年齢に合わせた設定ができます。\n");
  annotate(doc);
  int asked = 0;
  for (auto& div : doc.divisions)
    for (auto& turn : div.turns)
      for (auto& block : turn.blocks)
        for (auto& leaf : block.leaves)
          for (auto& p : leaf.pieces)
            if (p.kind == Piece::Kind::sentence && block.kind == BlockKind::head &&
                p.sentence.attrs.value("ana") == "#question")
              ++asked;
  BOOST_TEST(asked == 2);
}

BOOST_AUTO_TEST_CASE(a_question_marked_heading_of_two_sentences_asks_under_topic_headings) {
  // Questions grouped under topic headings (no heading beside them asks), each a Q．mark over a
  // statement and then the question: the Q．opens the heading, which asks in its last sentence.
  Document doc = doc_of(
      "粗大ごみの出し方\n粗大ごみについて、多く寄せられる質問をまとめました。\n■申し込みについて\n"
      "Q．家具をまとめて出したいです。一度に何点まで出せますか。\nA．1回の申し込みにつき10点までです。\n"
      "■手数料について\nQ．処分の費用が心配です。手数料はいくらですか。\nA．品目ごとに300円から1,500円です。\n");
  annotate_speakers(doc, SpeakerOptions{});
  annotate(doc);
  std::map<std::string, std::string> ana;
  for (auto& div : doc.divisions)
    for (auto& turn : div.turns)
      for (auto& block : turn.blocks)
        for (auto& leaf : block.leaves)
          for (auto& p : leaf.pieces)
            if (p.kind == Piece::Kind::sentence)
              ana[p.sentence.text] = std::string(p.sentence.attrs.value("ana"));
  BOOST_TEST(ana["一度に何点まで出せますか。"] == "#question");
  BOOST_TEST(ana["手数料はいくらですか。"] == "#question");
  BOOST_TEST(ana["Q．家具をまとめて出したいです。"] == "#other");
}

BOOST_AUTO_TEST_CASE(a_turn_that_asks_asks_by_ellipsis_and_by_a_question_word) {
  SentenceContext asker;
  asker.asker = true;
  BOOST_TEST(cat("新工場の規模について。", asker) == "question");
  BOOST_TEST(cat("海外の販路に関しては。", asker) == "question");
  BOOST_TEST(cat("ありがとうございました。", asker) == "other");
  // A Q. line with a question word asks whatever its ending.
  BOOST_TEST(cat("Q. 電池の寿命はどれくらい") == "question");
  BOOST_TEST(cat("Q. 何度も試しました。") != "question");
  // Outside such a turn they are what they say.
  BOOST_TEST(cat("新工場の規模について。") != "question");
  BOOST_TEST(cat("最後に、読者へのメッセージをお願いします。") == "other");
  BOOST_TEST(cat("アンケートへの回答をお願いします。") == "other");
}

BOOST_AUTO_TEST_CASE(only_quoted_words_under_a_statement_heading_are_reported) {
  // Words in brackets under a person's name: reported.
  Document quoted = doc_of(
      "港南は24-17で勝った。\n試合後コメント\n山田健一ヘッドコーチ\n「最後まで走り切った選手を誇りに思います」\n"
      "次節は12月21日に北陵と対戦する。\n");
  annotate(quoted);
  std::string q = tei::write(quoted);
  BOOST_TEST(q.find("ana=\"#reported\">「最後まで") != std::string::npos);
  // The paragraph after the quotation is the writer's again.
  BOOST_TEST(q.find("ana=\"#reported\">次節") == std::string::npos);
  BOOST_TEST(q.find("ana=\"#reported #checkworthy\">次節") == std::string::npos);
  // A plain paragraph under a person's name (or an author's byline) is that person writing:
  // his guesses stay guesses.
  Document plain = doc_of(
      "北浜は1点差で勝った。\n■試合後のコメント\n村上 康平 監督\n前半は苦しい時間が続きました。"
      "後半はもっと良くなるかもしれません。\n");
  annotate(plain);
  std::string p = tei::write(plain);
  BOOST_TEST(p.find("#reported") == std::string::npos);
  BOOST_TEST(p.find("ana=\"#speculation\">後半") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(check_worthy_claims_not_thanks_or_sentences_about_the_text) {
  Document doc = doc_of(
      "今回は、失敗しないための3つのポイントを紹介します。\n以下、5つの手順を順番に説明します。\n"
      "本記事では2つの方法を比べてみます。\n先日は3時間も付き合ってくれてありがとう。\n"
      "ネット上では、市長が辞任するという噂が広がっている。\n同社によると、売上は前年より2割増えたという。\n");
  annotate(doc);
  auto ss = doc.sentences();
  BOOST_REQUIRE_EQUAL(ss.size(), 6u);
  for (std::size_t k = 0; k < 4; ++k) BOOST_TEST(ss[k]->attrs.value("ana") == "#other", ss[k]->text);
  // A rumour that spreads, and a reported claim with a number: check-worthy.
  BOOST_TEST(ss[4]->attrs.value("ana") == "#reported #checkworthy");
  BOOST_TEST(ss[5]->attrs.value("ana") == "#reported #checkworthy");
}

BOOST_AUTO_TEST_CASE(a_name_over_the_same_characters_as_a_term_is_the_outer_element) {
  const std::string want = "<orgName xml:id=\"s1-src\"><term xml:id=\"t1\">国際エネルギー機関</term></orgName>";
  // Another tool's term over exactly the name this stage marks, listed before or after it
  // (as jatei-terms writes it, and as reading <term><orgName> gives it): one nesting.
  for (bool term_first : {true, false}) {
    Document doc = doc_of("国際エネルギー機関によると、需要は増えている。\n");
    Sentence* s = doc.sentences()[0];
    std::size_t e = s->text.find("によると");
    Span term{0, e, "term", {}};
    term.attrs.set("xml:id", "t1");
    if (!term_first) {
      annotate(doc);
      s = doc.sentences()[0];
    }
    s->spans.push_back(term);
    annotate(doc);
    std::string once = tei::write(doc);
    BOOST_TEST(once.find(want) != std::string::npos, once);
    Document again = tei::read(once, "once");
    annotate(again);
    BOOST_TEST(tei::write(again) == once);
  }
  // Read the other way round, it is written the canonical way.
  Document doc = doc_of("国際エネルギー機関によると、需要は増えている。\n");
  annotate(doc);
  std::string xml = tei::write(doc);
  std::size_t at = xml.find("<orgName xml:id=\"s1-src\">国際エネルギー機関</orgName>");
  BOOST_REQUIRE(at != std::string::npos);
  xml.replace(at, std::string("<orgName xml:id=\"s1-src\">国際エネルギー機関</orgName>").size(),
              "<term xml:id=\"t1\"><orgName>国際エネルギー機関</orgName></term>");
  Document swapped = tei::read(xml, "swapped");
  annotate(swapped);
  BOOST_TEST(tei::write(swapped).find("<orgName xml:id=\"s1-src\"><term xml:id=\"t1\">国際エネルギー機関</term></orgName>") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
// Session 31 (issue 13): reported speech and its look-alikes read from the grammar of the
// predicate: the hearsay そうだ that ipadic takes for a filler, the mood after a quotation,
// naming and comparing with と, the continuative といい, と before a predicate, clauses joined by
// 一方/上で/つつ, a named person's view told politely, being asked, a limit + とされる.
BOOST_AUTO_TEST_SUITE(session31)

BOOST_AUTO_TEST_CASE(hearsay_sou_desu_ne_after_a_plain_form) {
  // ipadic reads そうですね after 継がれた as one filler; after a plain form it is hearsay.
  BOOST_TEST(cat("先月、お店を継がれたそうですね。") == "reported");
  BOOST_TEST(cat("もともとは漁師町だったそうですね。") == "reported");
  // the filler that agrees or buys time stays what it was
  BOOST_TEST(cat("そうですね、最初の一年は毎日店に出ていました。") == "fact");
}

BOOST_AUTO_TEST_CASE(a_quotation_then_the_mood_it_was_said_in) {
  BOOST_TEST(cat("「来年もまた来たい」と笑顔でした。") == "reported");
  BOOST_TEST(cat("「まだ伸びしろはある」と監督は前向きだ。") == "reported");
  BOOST_TEST(cat("「また来ます」と常連の男性は満足げだった。") == "reported");
  // と after brackets that compares (the relation category) quotes nothing
  BOOST_TEST(cat("新しい店舗の広さは「本店」と同じです。") == "fact");
  BOOST_TEST(cat("価格は「東京」と変わらない。") == "fact");
}

BOOST_AUTO_TEST_CASE(naming_with_iu_is_no_report) {
  BOOST_TEST(cat("この魚を地元では「ガンゾウ」と言います。") == "fact");
  BOOST_TEST(decide("これを「逆転層」といいます。").rule == "names a thing");
  // no object, or the を of another verb, or words rather than a name: someone's words
  BOOST_TEST(cat("社長はいつも「挑戦あるのみ」と言います。") == "reported");
  BOOST_TEST(cat("母は何を聞いても「平気」と言います。") == "reported");
}

BOOST_AUTO_TEST_CASE(the_continuative_toii_and_to_before_a_predicate) {
  // …といい、: the continuative of 言う, not the adjective いい
  BOOST_TEST(cat("同社は在庫は十分にあるといい、販売を続ける方針だ。") == "reported");
  BOOST_TEST(cat("早く寝るといい。") != "reported");
  // ipadic's parallel と (調査中と) before a verb of saying is the quotative one
  BOOST_TEST(cat("取材に対し、同社は事実関係を確認中と回答した。") == "reported");
  BOOST_TEST(cat("原因は調査中と明らかにした。") == "reported");
  BOOST_TEST(cat("週末は大学時代の友人と話した。") == "fact");
}

BOOST_AUTO_TEST_CASE(clauses_joined_by_ippou_ue_de_tsutsu_report) {
  BOOST_TEST(cat("社長は需要は底堅いと述べる一方、先行きには慎重な姿勢を崩さなかった。") == "reported");
  BOOST_TEST(cat("同社は安全に問題はないとした上で、点検を急ぐ。") == "reported");
  BOOST_TEST(cat("市は安全に問題はないとしつつ、念のため点検を行う。") == "reported");
}

BOOST_AUTO_TEST_CASE(a_named_persons_view_told_politely) {
  BOOST_TEST(cat("田中さんは、この制度には問題が多いと考えています。") == "reported");
  BOOST_TEST(cat("同社は、来年には黒字化できるとみています。") == "reported");
  BOOST_TEST(cat("同社は来期の売上高を500億円と見込んでいます。") == "reported");
  // the speaker's own view
  BOOST_TEST(cat("私は、この制度には問題が多いと考えています。") == "speculation");
  BOOST_TEST(cat("当社は、来年には黒字化できると考えています。") == "speculation");
}

BOOST_AUTO_TEST_CASE(being_asked_a_limit_and_arasou) {
  BOOST_TEST(cat("よく「どうしてこの仕事を選んだのか」と聞かれます。") == "fact");
  BOOST_TEST(cat("1日の摂取量は3グラムまでとされています。") == "fact");
  BOOST_TEST(cat("被害額は約3億円とされる。") == "reported");
  BOOST_TEST(cat("被告の会社側は、騒音は基準値以下だったと争っていた。") == "reported");
  BOOST_TEST(cat("A社はB社と争っている。") == "fact");
  BOOST_TEST(cat("「届いた商品が注文と違う」といったトラブルも報告されています。") == "reported");
}

BOOST_AUTO_TEST_CASE(a_nominalised_quotation_a_reaction_and_one_of_x) {
  // 「…」と言ったのは、…: the saying is what the main clause is about; its hedge decides
  BOOST_TEST(cat("彼が「行かない」と言ったのは、疲れていたからなのかもしれません。") == "speculation");
  BOOST_TEST(cat("「また来る」と言ったのは、常連の田中さんだ。") == "reported");
  // 反応 is what others voice: named by a quotation, it reports
  BOOST_TEST(cat("試食した客の多くは「思ったより甘くない」という反応だった。") == "reported");
  // Xの一つ is judged as X; an evaluative noun under と思う is an opinion
  BOOST_TEST(cat("官民連携も選択肢の一つだと思います。") == "opinion");
  BOOST_TEST(cat("今こそ町が変わるチャンスだと思います。") == "opinion");
  BOOST_TEST(cat("原因の一つだと思います。") == "speculation");
}

BOOST_AUTO_TEST_CASE(a_question_word_as_the_predicate_asks) {
  // なぜか, 何か as the whole predicate ask; before a verb なぜか is "somehow"
  BOOST_TEST(cat("それはなぜか。") == "question");
  BOOST_TEST(cat("では、守るべきものは何か。") == "question");
  BOOST_TEST(cat("なぜか急に眠くなった。") == "fact");
  BOOST_TEST(cat("これも時代の流れか。") == "other");
  // a question word in the predicate's window with a final の asks; an indefinite or an
  // indirect question does not
  BOOST_TEST(cat("なんで返事をくれなかったの。") == "question");
  BOOST_TEST(cat("財布の中には何もないの。") == "fact");
  BOOST_TEST(cat("誰が決めたのか、知らないの。") == "fact");
}

BOOST_AUTO_TEST_CASE(a_universal_under_wakedewanai_in_the_past_narrates) {
  BOOST_TEST(cat("会員の全員が賛成したわけではなかった。") == "fact");
  BOOST_TEST(cat("会員の全員が賛成するわけではない。") == "speculation");
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
// What a fact-checker is handed with each claim (a stranger's trial of session 35): dates read
// from the page's dateline, places and companies by their shape, and which lines are worth
// checking at all.
BOOST_AUTO_TEST_SUITE(facts35)

namespace {
Document doc_of(std::string_view text) {
  SegmentOptions o;
  o.source_name = "t.txt";
  return segment_text(text, o);
}
// "element[text] attr=value …" of every mention of the sentence that starts with `start`.
std::string marked(const Document& doc, std::string_view start) {
  for (auto* s : doc.sentences()) {
    if (!std::string_view(s->text).starts_with(start)) continue;
    std::string out;
    for (auto& sp : s->spans) {
      if (sp.element == "seg") continue;
      if (!out.empty()) out += " ";
      out += sp.element + "[" + s->text.substr(sp.begin, sp.end - sp.begin) + "]";
      for (auto& a : sp.attrs.list())
        if (a.name != "xml:id") out += " " + a.name + "=" + a.value;
    }
    return out;
  }
  return "(no sentence)";
}
std::string ana_of(const Document& doc, std::string_view start) {
  for (auto* s : doc.sentences())
    if (std::string_view(s->text).starts_with(start)) return s->attrs.value("ana");
  return "(no sentence)";
}
std::string names_in(std::string_view s) {
  std::string out;
  for (auto& m : find_names(s, Gazetteer::builtin())) {
    if (!out.empty()) out += " ";
    out += m.element + "[" + std::string(s.substr(m.begin, m.end - m.begin)) + "]";
  }
  return out;
}
std::string dates_in(std::string_view s, DateContext ctx) {
  std::string out;
  for (auto& m : find_dates(s, ctx)) {
    if (!out.empty()) out += " ";
    out += m.element + "[" + std::string(s.substr(m.begin, m.end - m.begin)) + "]";
    if (auto* w = m.attrs.get("when")) out += "=" + *w;
  }
  return out;
}
}  // namespace

// A day written alone (4日、) is a date of the month the sentence last stated, else of the
// page's dateline; not a span of days, a rate, or a day the month has no room for.
BOOST_AUTO_TEST_CASE(a_day_alone_is_of_the_datelines_month) {
  DateContext page{2026, 2026, 12};
  BOOST_TEST(dates_in("市の担当課は4日、取材に対し答えた。", page) == "date[4日]=2026-12-04");
  BOOST_TEST(dates_in("同社は28日夜に発表した。", page) == "date[28日]=2026-12-28");
  BOOST_TEST(dates_in("会期は3月10日から15日まで。", page) == "date[3月10日]=2026-03-10 date[15日]=2026-03-15");
  BOOST_TEST(dates_in("1日に3回飲む。", page) == "");
  BOOST_TEST(dates_in("4日間続いた。", page) == "");
  BOOST_TEST(dates_in("毎月5日は休み。", page) == "");
  BOOST_TEST(dates_in("第3日の", page) == "");
  BOOST_TEST(dates_in("2月の30日に", DateContext{2026, 2026, 2}) == "date[2月]=2026-02");
  // no dateline: the day of no known month
  BOOST_TEST(dates_in("市は4日、発表した。", DateContext{}) == "date[4日]=---04");
  // in a document: the dateline of a news article dates the lead's day
  Document doc = doc_of("見出し\n2026年12月4日\n市の都市計画課は4日、取材に対し「何も決まっていない」と述べた。\n");
  annotate(doc);
  BOOST_TEST(marked(doc, "市の").find("date[4日] when=2026-12-04") != std::string::npos, marked(doc, "市の"));
}

// 12/10（木）〜12/25（金）: a month and day in digits before a weekday in brackets, in half
// or full width; a bare 12/10 may be a fraction or a score and is no date.
BOOST_AUTO_TEST_CASE(a_month_and_day_before_a_weekday) {
  DateContext page{2026, 2026, 12};
  BOOST_TEST(dates_in("期間は12/10（木）〜12/25（金）です。", page) == "date[12/10]=2026-12-10 date[12/25]=2026-12-25");
  BOOST_TEST(dates_in("期間は１２／１０（木）〜１２／２５（金）です。", page) ==
             "date[１２／１０]=2026-12-10 date[１２／２５]=2026-12-25");
  BOOST_TEST(dates_in("1/6(火・祝)休館", DateContext{}) == "date[1/6]=--01-06");
  BOOST_TEST(dates_in("12/10(木曜)に", page) == "date[12/10]=2026-12-10");
  BOOST_TEST(dates_in("正答は12/20だった", page) == "");
  BOOST_TEST(dates_in("12/10(株)", page) == "");
  BOOST_TEST(dates_in("13/10(木)", page) == "");
}

// 来年4月, 昨年の12月, 先月: counted from the page's dateline (a fourth field in entities.tsv),
// never from a year the text stated; 前年 and 翌年 stay relative to the text.
BOOST_AUTO_TEST_CASE(relative_dates_count_from_the_dateline) {
  DateContext page{2024, 2026, 12};  // the text last stated 2024; the page is dated 2026-12
  BOOST_TEST(dates_in("来年4月から始めます。", page) == "date[来年4月]=2027-04");
  BOOST_TEST(dates_in("昨年の12月に", page) == "date[昨年の12月]=2025-12");
  BOOST_TEST(dates_in("一昨年秋", page) == "date[一昨年秋]=2024");
  BOOST_TEST(dates_in("先月末に", page) == "date[先月末]=2026-11");
  BOOST_TEST(dates_in("来月10日に", page) == "date[来月10日]=2027-01-10");
  BOOST_TEST(dates_in("翌年3月", page) == "date[翌年3月]=--03");
  // no dateline: as before
  BOOST_TEST(dates_in("来年4月から", DateContext{}) == "date[来年4月]=--04");
  BOOST_TEST(dates_in("昨年", DateContext{}) == "date[昨年]");
}

// A municipality or a prefecture by its suffix after a run of kanji; a company by a katakana
// word of business after its name, or ㈱; not the common nouns that end the same way.
BOOST_AUTO_TEST_CASE(places_and_companies_by_their_shape) {
  BOOST_TEST(names_in("瀬名川市の旧工場跡地で") == "placeName[瀬名川市]");
  BOOST_TEST(names_in("静岡県瀬名川市に") == "placeName[静岡県] placeName[瀬名川市]");
  BOOST_TEST(names_in("名古屋市中区で") == "placeName[名古屋市] placeName[中区]");
  BOOST_TEST(names_in("瀬名川市内の") == "placeName[瀬名川市]");
  BOOST_TEST(names_in("地方都市の") == "");
  BOOST_TEST(names_in("築地市場で") == "");
  BOOST_TEST(names_in("小選挙区では") == "");
  BOOST_TEST(names_in("全国の都道府県で") == "");
  BOOST_TEST(names_in("同市は") == "");
  BOOST_TEST(names_in("一般市民が") == "");
  BOOST_TEST(names_in("不動産大手の新光エステートは") == "orgName[新光エステート]");
  BOOST_TEST(names_in("㈱新光エステートが") == "orgName[㈱新光エステート]");
  BOOST_TEST(names_in("ミナト産業(株)の") == "orgName[ミナト産業(株)]");
}

// A line with no claim in it is not handed to the checker: a post's timestamp, the page's
// dateline (更新日：…), a link's label; a date with what happened on it (設立：2019年4月) is one; hearsay is, a rumour or a post above all, even with no number in it.
BOOST_AUTO_TEST_CASE(checkworthy_by_category) {
  Document doc = doc_of(
      "退去費用について\n"
      "更新日：2026年11月30日\n"
      "2026/11/12 21:44\n"
      "6年住んだアパートで9万円を請求されました。\n"
      "設立：2019年4月\n"
      "2026年11月30日に閣議決定した。\n"
      "Amazonで見る\n"
      "SNS上には「外資系企業が土地を買った」とする投稿もある。\n"
      "同社の社内では、すでに撤退の方向で調整が進んでいるという。\n"
      "父は「市場の匂いが恋しい」とよく言っていた。\n"
      "地元では「跡地に倉庫ができるらしい」といったうわさも広がっているが、裏付けはない。\n"
      "駅前は再開発が進んでいるが、人通りは少ない。\n");
  annotate(doc);
  BOOST_TEST(ana_of(doc, "2026/11/12").find("#checkworthy") == std::string::npos, ana_of(doc, "2026/11/12"));
  BOOST_TEST(ana_of(doc, "6年") == "#fact #checkworthy");
  BOOST_TEST(ana_of(doc, "更新日").find("#checkworthy") == std::string::npos, ana_of(doc, "更新日"));
  BOOST_TEST(ana_of(doc, "設立").find("#checkworthy") != std::string::npos, ana_of(doc, "設立"));
  BOOST_TEST(ana_of(doc, "2026年11月30日に") == "#fact #checkworthy");
  BOOST_TEST(ana_of(doc, "Amazon") == "#fact");
  BOOST_TEST(ana_of(doc, "SNS").starts_with("#reported #checkworthy"), ana_of(doc, "SNS"));
  BOOST_TEST(ana_of(doc, "同社の社内").starts_with("#reported #checkworthy"), ana_of(doc, "同社の社内"));
  BOOST_TEST(ana_of(doc, "父は").find("#checkworthy") == std::string::npos, ana_of(doc, "父は"));
  BOOST_TEST(ana_of(doc, "地元では").find("#checkworthy") != std::string::npos, ana_of(doc, "地元では"));
  BOOST_TEST(ana_of(doc, "駅前は") == "#fact");
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
// Who said it and what is worth checking, as a stranger met them on new articles (session 37).
BOOST_AUTO_TEST_SUITE(sources37)

using stranger_s22::annotated;

// The commonest news shape: where or when it was said (論告で, 閉廷後、, 15日の会見で、), then
// who said it as the topic of the verb of saying.
BOOST_AUTO_TEST_CASE(the_source_after_an_adverbial_the_sentence_opens_with) {
  std::string xml = annotated(
      "初公判で弁護側は「争う姿勢はない」と述べた。\n終了後、主催団体の代表は「来年も開く」と話した。\n"
      "20日の記者会見で、市の担当者は「再発を防ぐ」と説明した。\n同日夜、球団の広報は「回復に努める」と語った。\n"
      "式典にて、校長は「誇りに思う」と述べた。\n");
  BOOST_TEST(xml.find("<persName xml:id=\"s1-src\">弁護側</persName>") != std::string::npos, xml);
  BOOST_TEST(xml.find("xml:id=\"s2-src\">主催団体の代表<") != std::string::npos, xml);
  BOOST_TEST(xml.find("<persName xml:id=\"s3-src\">市の担当者</persName>") != std::string::npos, xml);
  BOOST_TEST(xml.find("xml:id=\"s4-src\">球団の広報<") != std::string::npos, xml);
  BOOST_TEST(xml.find("<persName xml:id=\"s5-src\">校長</persName>") != std::string::npos, xml);
}

// A noun of time used as an adverb (最近は, 今回は) is when, not who: no source, no person.
BOOST_AUTO_TEST_CASE(a_noun_of_time_is_no_source) {
  std::string xml = annotated("最近は在宅で働く人も多いと聞きます。\n今回は中止もあり得ると聞いた。\n");
  BOOST_TEST(xml.find(">最近</persName>") == std::string::npos, xml);
  BOOST_TEST(xml.find(">今回</persName>") == std::string::npos, xml);
  BOOST_TEST(xml.find("source=\"#s1-src\"") == std::string::npos, xml);
}

// An evaluation in a clause before the main one (被害は深刻で、…) does not make the sentence an
// opinion: the main clause states a number, a fact worth checking.
BOOST_AUTO_TEST_CASE(an_evaluation_in_a_leading_clause_leaves_the_main_clause_to_decide) {
  BOOST_TEST(cat("渋滞は深刻で、通勤時間は平均で20分延びた。") == "fact");
  BOOST_TEST(cat("事態は重要であり、政府は対策本部を設置した。") == "fact");
  BOOST_TEST(cat("受注は好調で、売上高は過去最高の300億円に達した。") == "fact");
  // The evaluation that ends the sentence still decides.
  BOOST_TEST(cat("被害は深刻だ。") == "opinion");
  BOOST_TEST(cat("被害は深刻で、影響も深刻だ。") == "opinion");
  std::string xml = annotated("品不足は深刻で、価格は前年の1.5倍となった。\n");
  BOOST_TEST(xml.find("ana=\"#fact #checkworthy\"") != std::string::npos, xml);
}

// A kinship, role or trade noun with さん names no one (常連さん, 古着屋さん; the shape 〜屋さん
// in three characters or more), and a plan for next year is nothing to check yet.
BOOST_AUTO_TEST_CASE(a_common_noun_with_san_is_no_name) {
  auto names = [](std::string_view s) {
    std::string out;
    for (auto& m : find_names(s, Gazetteer::builtin())) out += m.element + "[" + std::string(s.substr(m.begin, m.end - m.begin)) + "]";
    return out;
  };
  BOOST_TEST(names("常連さんが包丁を研ぎに来る。") == "");
  BOOST_TEST(names("駅前の不動産屋さんと電気屋さんに寄った。") == "");
  BOOST_TEST(names("ご近所さんと女将さんが話していた。") == "");
  BOOST_TEST(names("土屋さんが店を継いだ。").find("persName[土屋さん]") != std::string::npos, names("土屋さんが店を継いだ。"));
  std::string xml = annotated("来年の秋には花屋さんが入る。\n昨年の秋には山田さんが店を開いた。\n");
  BOOST_TEST(xml.find("<s xml:id=\"s1\" ana=\"#fact\">") != std::string::npos, xml);
  BOOST_TEST(xml.find("<s xml:id=\"s2\" ana=\"#fact #checkworthy\">") != std::string::npos, xml);
}

// A press release's comment under a line of the speaker's name (役職 名前) is that person's, and
// a role before a spaced name (青葉市長 相沢典子氏) is no name of its own.
BOOST_AUTO_TEST_CASE(the_words_under_a_name_line_are_that_persons) {
  std::string xml = annotated(
      "新サービスを開始\n\n株式会社ミドリ物流は、新サービスを4月から始めます。\n\n■代表者のコメント\n"
      "代表取締役　山本健太\n「お客様の声に応えました。」\n\n北原町長　杉村美和子氏\n「町民の暮らしが便利になります。」\n");
  auto at = [&](std::string_view start) {
    std::size_t p = xml.find(start);
    return p == std::string::npos ? std::string() : xml.substr(xml.rfind("<s ", p), p - xml.rfind("<s ", p));
  };
  std::string first = at("「お客様"), second = at("「町民");
  BOOST_TEST(first.find("source=\"#") != std::string::npos, xml);
  BOOST_TEST(second.find("source=\"#") != std::string::npos, xml);
  BOOST_TEST(xml.find("\">山本健太</persName>") != std::string::npos, xml);
  BOOST_TEST(xml.find(">北原<roleName>") == std::string::npos, xml);
  BOOST_TEST(xml.find("\">杉村美和子") != std::string::npos, xml);
}

BOOST_AUTO_TEST_SUITE_END()

// Session 37 (issue 13): the clause before the last one, and a と that joins two nouns.
BOOST_AUTO_TEST_SUITE(clauses37)

BOOST_AUTO_TEST_CASE(a_hedge_in_a_concession_hedges_an_undecided_main_clause) {
  BOOST_TEST(cat("たぶん来週には届くと思うんですけど、発送は昨日済んでいます。") == "speculation");
  BOOST_TEST(cues("たぶん来週には届くと思うんですけど、発送は昨日済んでいます。") == "と思うんですけど");
  BOOST_TEST(cat("値上げの可能性もありますが、今のところ料金表は昨年と同じです。") == "speculation");
  BOOST_TEST(cat("工事は年内に終わる見通しだが、通行止めは続く。") == "speculation");
  BOOST_TEST(decide("午後は雨になるでしょうが、式典は屋外で行います。").rule ==
             "a hedge in a concession before an undecided main clause");
  // what someone said, set against the main clause; an adverb alone; a subject before the comma
  BOOST_TEST(cat("店員さんは在庫があると言っていたけど、棚には一つもなかった。") == "fact");
  BOOST_TEST(cat("おそらく初めての試みだが、準備は万全だ。") == "fact");
  BOOST_TEST(cat("社長が、来期の計画を発表した。") == "fact");
  // a negative main clause that answers what the concession quotes corrects it
  BOOST_TEST(cat("「冬は運動しないほうがいい」と思われがちですが、そんなことはありません。") == "fact");
  BOOST_TEST(cat("薬が効かないのではと心配する方もいるかもしれませんが、その必要はありません。") == "fact");
}

BOOST_AUTO_TEST_CASE(a_rumour_in_a_concession_and_hearsay_in_a_reason) {
  BOOST_TEST(cat("駅前に大型店ができるといううわさも広がっているが、裏付けはない。") == "reported");
  BOOST_TEST(cat("新社長に元副社長が就くとの情報が出回っているが、同社は何も発表していない。") == "reported");
  BOOST_TEST(cat("夜はけっこう冷えるらしいから、上着を持ってきてね。") == "reported");
  BOOST_TEST(cat("週末は道が混むそうなので、早めに出発します。") == "reported");
  BOOST_TEST(cat("寒くなるから、上着を持ってきてね。") != "reported");
  // the concession at an earlier comma; a thought over an adjective hedges nothing
  BOOST_TEST(cat("今年の売り上げは過去最高を見込んでいますが、これは全額、設備の更新に充てます。") == "speculation");
  BOOST_TEST(cat("全部は難しいと思いますが、空き店舗の数は地図で調べます。") != "speculation");
}

BOOST_AUTO_TEST_CASE(to_between_two_nouns_joins_them) {
  BOOST_TEST(cat("新型の価格と発売日が発表されました。") == "fact");
  BOOST_TEST(cat("両社は提携と新会社の設立を発表した。") == "fact");
  BOOST_TEST(cat("大会の日程と会場が公表された。") == "fact");
  // after a noun right before the verb, と quotes what was announced or reported
  BOOST_TEST(cat("原因は部品の不具合と発表された。") == "reported");
  BOOST_TEST(cat("事故の原因は速度の出し過ぎと報じられている。") == "reported");
}

BOOST_AUTO_TEST_SUITE_END()
