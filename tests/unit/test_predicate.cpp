// The claims stage's predicate analysis (MeCab), its decisions by category, the discourse it
// reads (turns that ask, embedded posts, introduced quotations) and the source it names.
#define BOOST_TEST_MODULE predicate
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <thread>

#include "text/morph.hpp"
#include "claims/predicate.hpp"
#include "jatei/claims.hpp"
#include "jatei/segment.hpp"
#include "jatei/speakers.hpp"

using namespace jatei;
using namespace jatei::claims;

namespace {

Predicate analyse(std::string_view text) {
  Normalised n = normalise(text);
  static thread_local std::string keep;
  keep = n.text;
  std::string_view v = keep;
  std::size_t end = v.size();
  while (end > 0 && (v.substr(end - 3, 3) == "。" || v.substr(end - 3, 3) == "？")) end -= 3;
  return analyse_predicate(v, predicate_window(v, 0, end), end);
}

std::string cat(std::string_view s) { return std::string(to_string(classify(s, {}, Lexicon::builtin()).category)); }

// The document for a text run through segmentation and claims; returns sentence k.
Document annotated(const std::string& text) {
  Document doc = segment_text(text, {});
  annotate(doc);
  return doc;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analysis)

BOOST_AUTO_TEST_CASE(the_verb_by_its_dictionary_form_whatever_its_form) {
  for (auto s : {"離職が多いと聞きます。", "離職が多いと聞きました。", "離職が多いと聞いている。", "離職が多いと聞いたことがある。"}) {
    Predicate p = analyse(s);
    BOOST_TEST_CONTEXT(s) {
      BOOST_TEST(p.found);
      BOOST_TEST(p.head_chunk()->lemma == "聞く");
      BOOST_TEST(p.quote >= 0);
    }
  }
  Predicate p = analyse("首相は近く内閣改造に踏み切ると報じられている。");
  BOOST_TEST(p.head_chunk()->lemma == "報じる");
  BOOST_TEST(p.passive);
  BOOST_TEST(p.progressive);
}

BOOST_AUTO_TEST_CASE(the_quotative_after_a_bracket_and_with_focus_particles) {
  Predicate p = analyse("同社は「安全性に問題はない」としている。");
  BOOST_TEST(p.quote_after_bracket);
  p = analyse("新工場を建てるとも伝えられている。");
  BOOST_TEST(p.quote >= 0);
  BOOST_TEST(p.chunks[p.quote].focus == "も");
  p = analyse("広報部は「お答えできない」とだけ回答した。");
  BOOST_TEST(p.chunks[p.quote].focus == "だけ");
  p = analyse("店員さんは、在庫はもう入らないなどと話していた。");
  BOOST_TEST(p.chunks[p.quote].quote_particle == "などと");
}

BOOST_AUTO_TEST_CASE(souda_by_the_form_before_it) {
  BOOST_TEST(analyse("雨が降るそうだ。").has(Modal::hearsay));
  BOOST_TEST(analyse("雨が降りそうだ。").has(Modal::appearance));
  BOOST_TEST(analyse("このケーキはおいしそうだ。").has(Modal::impression));
  BOOST_TEST(analyse("会長は毎朝5キロ走るそうなんです。").has(Modal::hearsay));
}

BOOST_AUTO_TEST_CASE(auxiliaries_and_their_meaning) {
  BOOST_TEST(analyse("明日は冷え込むだろう。").has(Modal::conjecture));
  BOOST_TEST(analyse("明日は冷え込むでしょう。").has(Modal::conjecture));
  BOOST_TEST(analyse("駐輪場が有料になるらしい。").has(Modal::hearsay));
  BOOST_TEST(!analyse("今日は春らしい一日だった。").has(Modal::hearsay));
  BOOST_TEST(analyse("誰かいるようだ。").has(Modal::inference));
  BOOST_TEST(!analyse("歌声は鈴のようだ。").has(Modal::inference));
  BOOST_TEST(analyse("間に合わないかも知れない。").has(Modal::possibility));
  BOOST_TEST(analyse("荷物は今日届くはずだ。").has(Modal::certainty));
  BOOST_TEST(analyse("研究しているに違いありません。").has(Modal::certainty));
  BOOST_TEST(!analyse("研究しているに違いありません。").negative);
  BOOST_TEST(analyse("事故につながりかねない。").has(Modal::risk));
  BOOST_TEST(analyse("どの工場でも起こり得る。").has(Modal::potential));
  BOOST_TEST(analyse("駅前のカフェ、営業時間が変わるってさ。").has(Modal::hearsay));
  BOOST_TEST(!analyse("違いますって！").has(Modal::hearsay));
}

BOOST_AUTO_TEST_CASE(explain_describes_the_analysis) {
  Normalised n = normalise("同社は「問題はない」としている。");
  Predicate p = analyse("同社は「問題はない」としている。");
  std::string d = describe(p, n.text);
  BOOST_TEST(d.find("head する") != std::string::npos);
  BOOST_TEST(d.find("after-bracket") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_window_is_the_tail_only) {
  std::string long_sentence(300, 'x');
  long_sentence = "あ" + long_sentence + "、新しい駅ビルの開業は資材の高騰で来年にずれ込む可能性もある";
  std::size_t w = predicate_window(long_sentence, 0, long_sentence.size());
  BOOST_TEST(w > 300u);
  BOOST_TEST(long_sentence.size() - w <= 30u * 3);
}

BOOST_AUTO_TEST_CASE(threads_each_get_their_own_tagger) {
  std::vector<std::string> out(4);
  std::vector<std::thread> ts;
  for (int t = 0; t < 4; ++t)
    ts.emplace_back([t, &out] {
      std::vector<Morph> m;
      for (int k = 0; k < 200; ++k) analyse_morphs("工事は予定より遅れていると聞かされた", m);
      out[t] = std::string(m.back().base);
    });
  for (auto& t : ts) t.join();
  for (auto& o : out) BOOST_TEST(o == "た");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(decisions)

BOOST_AUTO_TEST_CASE(the_rows_of_the_issue) {
  BOOST_TEST(cat("同社は「安全性に問題はない」としている。") == "reported");
  BOOST_TEST(cat("新工場を建てるとも伝えられている。") == "reported");
  BOOST_TEST(cat("離職が多いと聞きます。") == "reported");
  BOOST_TEST(cat("延期の可能性はあります。") == "speculation");
  BOOST_TEST(cat("中止もあり得る。") == "speculation");
  BOOST_TEST(cat("どこから始めようか。") == "question");
}

BOOST_AUTO_TEST_CASE(lookalikes_are_not_cues) {
  BOOST_TEST(cat("駅への行き方を交番で聞いた。") == "fact");
  BOOST_TEST(cat("同社は国から工場建設の許可を得た。") == "fact");
  BOOST_TEST(cat("見通しの良い直線道路で事故が起きた。") == "fact");
  BOOST_TEST(cat("現時点で、新たな運休の可能性はない。") == "fact");
  BOOST_TEST(cat("同社は来月、新しいタブレットを発表する。") == "fact");
}

BOOST_AUTO_TEST_CASE(rumours_and_denials_are_reported) {
  BOOST_TEST(cat("ネット上では、人気歌手が活動を休止するという情報が出回っている。") == "reported");
  BOOST_TEST(cat("SNSには「水道水が飲めなくなる」といった書き込みが相次いでいる。") == "reported");
  BOOST_TEST(cat("市はそのような事実はないと否定している。") == "reported");
  BOOST_TEST(cat("同社は、一部で報道された買収計画を否定した。") == "reported");
}

BOOST_AUTO_TEST_CASE(polite_requests_are_not_hedges) {
  BOOST_TEST(cat("ご意見があれば、事務局までお寄せいただければと思います。") == "other");
  BOOST_TEST(cat("来年も必ずこの大会に戻ってきたいと思います。") == "other");
}

BOOST_AUTO_TEST_CASE(a_users_lexicon_extends_a_category) {
  Lexicon lex = Lexicon::builtin();
  BOOST_TEST(std::string(to_string(classify("部長は「予算が足りない」とぼやいた。", {}, lex).category)) == "reported");
  BOOST_TEST(std::string(to_string(classify("部長は予算が足りないとこぼした。", {}, lex).category)) != "reported");
  lex.merge(Lexicon::parse("こぼす\treported/speech\t0.85\tcomplain\n", "user.tsv"));
  BOOST_TEST(std::string(to_string(classify("部長は予算が足りないとこぼした。", {}, lex).category)) == "reported");
  BOOST_TEST(std::string(to_string(classify("部長は予算が足りないとこぼしていた。", {}, lex).category)) == "reported");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(discourse)

BOOST_AUTO_TEST_CASE(interviewer_turns_that_ask) {
  Document doc = annotated("――今後の目標は。\n来年の全国大会で入賞することです。\n――まず、新しい冷蔵庫の特徴を教えてください。\n使いやすい大きさにしました。\n");
  auto ss = doc.sentences();
  BOOST_TEST(ss[0]->attrs.value("ana").starts_with("#question"));
  BOOST_TEST(ss[1]->attrs.value("ana").starts_with("#fact"));
  BOOST_TEST(ss[2]->attrs.value("ana").starts_with("#question"));
  // The same words outside a turn that asks are not questions.
  Document plain = annotated("今後の目標は。\n");
  BOOST_TEST(!plain.sentences()[0]->attrs.value("ana").starts_with("#question"));
}

BOOST_AUTO_TEST_CASE(an_embedded_post_is_reported_with_its_author) {
  Document doc = annotated("地元の川で体長1メートルのナマズが釣れました\n— 釣り好きの佐藤 (@sato_fishing) April 20, 2024\n");
  auto ss = doc.sentences();
  BOOST_TEST(ss[0]->attrs.value("ana").starts_with("#reported"));
  BOOST_TEST(ss[0]->attrs.value("ana").find("#checkworthy") != std::string::npos);
  std::string src = ss[0]->attrs.value("source");
  BOOST_TEST(src == "#" + ss[1]->id + "-src");
  bool found = false;
  for (auto& sp : ss[1]->spans)
    if (sp.attrs.value("xml:id") == ss[1]->id + "-src") {
      found = true;
      BOOST_TEST(ss[1]->text.substr(sp.begin, sp.end - sp.begin) == "釣り好きの佐藤");
    }
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(introduced_words_are_reported) {
  Document doc = annotated("監督は試合後、こう振り返った。\n後半の立ち上がりで流れを手放してしまった。\n");
  auto ss = doc.sentences();
  BOOST_TEST(ss[1]->attrs.value("ana").starts_with("#reported"));
  // Its source is the name the introducer gives.
  BOOST_TEST(ss[1]->attrs.value("source") == "#" + ss[0]->id + "-src");
}

BOOST_AUTO_TEST_CASE(the_source_a_reported_sentence_names) {
  Document doc = annotated("県警によると、男は窓ガラスを割って室内に侵入した。\n同社は、年内に全店舗でレジ袋を廃止するとしている。\n");
  auto ss = doc.sentences();
  for (auto* s : ss) {
    std::string src = s->attrs.value("source");
    BOOST_TEST_CONTEXT(s->text) {
      BOOST_TEST(src == "#" + s->id + "-src");
      bool ok = false;
      for (auto& sp : s->spans)
        if ("#" + sp.attrs.value("xml:id") == src) ok = sp.element == "orgName";
      BOOST_TEST(ok);
    }
  }
  // Idempotent: the second run gives the same markup.
  Document again = doc;
  annotate(again);
  BOOST_TEST((again.divisions == doc.divisions));
}

BOOST_AUTO_TEST_CASE(meta_sentences_vocatives_and_steps_are_not_checkworthy) {
  Document doc = annotated("ここでは、ポイントを三つ挙げておきます。\n山田さん、こんにちは。\n作り方\n鍋に水を入れ、強火で沸騰させます。\n");
  for (auto* s : doc.sentences()) {
    BOOST_TEST_CONTEXT(s->text) { BOOST_TEST(s->attrs.value("ana").find("#checkworthy") == std::string::npos); }
  }
  BOOST_TEST(doc.sentences()[0]->attrs.value("ana").starts_with("#other"));
  BOOST_TEST(doc.sentences().back()->attrs.value("ana").starts_with("#other"));
}

BOOST_AUTO_TEST_SUITE_END()
