// jatei-terms: normalisation and its offset map, the Aho–Corasick matcher, word boundaries,
// gloss forms and left edges, loanword similarity, and the stage on small documents
// (senses, ids, idempotence, other stages' markup, inconsistencies, glossary, candidates).
#define BOOST_TEST_MODULE terms
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>
#include <set>

#include "jatei/segment.hpp"
#include "jatei/tbx.hpp"
#include "jatei/tei.hpp"
#include "jatei/terms.hpp"

using namespace jatei;
using namespace jatei::terms;

namespace {

std::string mapped(const NormalView& v, std::string_view orig, std::string_view needle) {
  std::size_t nb = v.text.find(needle);
  if (nb == std::string::npos) return "<not found>";
  std::size_t b = 0, e = 0;
  if (!v.map(nb, nb + needle.size(), b, e)) return "<no map>";
  return std::string(orig.substr(b, e - b));
}

tbx::Concept concept_of(const std::string& id, std::vector<std::string> ja, std::vector<std::string> en,
                        const std::string& context = {}) {
  tbx::Concept c;
  c.id = id;
  for (auto& j : ja) {
    tbx::Term t;
    t.text = j;
    t.part_of_speech = "noun";
    t.context = context;
    c.lang_add("ja").terms.push_back(t);
  }
  for (auto& e : en) {
    tbx::Term t;
    t.text = e;
    t.part_of_speech = "noun";
    c.lang_add("en").terms.push_back(t);
  }
  return c;
}

std::shared_ptr<const tbx::Termbase> small_termbase() {
  tbx::Termbase tb;
  tb.origin = "/somewhere/test.tbx";
  tb.concepts.push_back(concept_of("c1", {"推論"}, {"reasoning"}, "強力な推論能力を持つ推論モデル。"));
  tb.concepts.push_back(concept_of("c2", {"推論"}, {"inference"}, "推論処理に特化した推論チップ。"));
  tb.concepts.push_back(concept_of("c3", {"人工知能", "AI"}, {"artificial intelligence", "AI"}));
  tb.concepts.push_back(concept_of("c4", {"大規模言語モデル", "LLM"}, {"large language model", "LLM"}));
  tb.concepts.push_back(concept_of("c5", {"蒸留"}, {"distillation"}));
  tb.concepts.push_back(concept_of("c6", {"ニューラルネットワーク"}, {"neural network"}));
  tb.concepts.push_back(concept_of("c7", {"サーバー"}, {"server"}));
  tb.concepts.push_back(concept_of("c8", {"ロス"}, {"loss"}));
  tb.concepts.push_back(concept_of("c9", {"知識"}, {"knowledge"}));
  tb.concepts.push_back(concept_of("c10", {"言語モデル"}, {"language model"}));
  return std::make_shared<const tbx::Termbase>(std::move(tb));
}

const Annotator& small() {
  static const Annotator a({small_termbase()});
  return a;
}

Document doc_of(const std::string& text) {
  SegmentOptions o;
  o.source_name = "test.txt";
  return segment_text(text, o);
}

// The <term> texts of a written document, in order.
std::vector<std::string> terms_in(const std::string& xml) {
  std::vector<std::string> out;
  for (std::size_t p = xml.find("<term "); p != std::string::npos; p = xml.find("<term ", p + 1)) {
    std::size_t b = xml.find('>', p) + 1;
    std::size_t e = xml.find("</term>", b);
    std::string inner = xml.substr(b, e - b);
    // drop nested markup
    std::string text;
    bool tag = false;
    for (char c : inner) {
      if (c == '<') tag = true;
      else if (c == '>') tag = false;
      else if (!tag) text.push_back(c);
    }
    out.push_back(text);
  }
  return out;
}

const FoundGloss* gloss_with(const std::vector<FoundGloss>& gs, std::string_view s, std::string_view term) {
  for (auto& g : gs)
    if (s.substr(g.term_begin, g.term_end - g.term_begin) == term) return &g;
  return nullptr;
}

// Whether the glosses found in sentence include one whose term is `term`.
bool finds(const std::string& sentence, std::string_view term) { return gloss_with(find_glosses(sentence), sentence, term); }

std::string gloss_text(std::string_view s, const FoundGloss& g) {
  return std::string(s.substr(g.gloss_begin, g.gloss_end - g.gloss_begin));
}

}  // namespace

// ------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(normalisation)

BOOST_AUTO_TEST_CASE(width_case_and_map_back) {
  std::string s = "ＬＬＭとLLM";
  NormalView v = normalize(s);
  BOOST_TEST(v.text == "llmとllm");
  BOOST_TEST(mapped(v, s, "llm") == "ＬＬＭ");
  BOOST_TEST(v.runs.size() <= v.text.size());
  std::size_t b = 0, e = 0;
  std::size_t second = v.text.rfind("llm");
  BOOST_TEST(v.map(second, second + 3, b, e));
  BOOST_TEST(s.substr(b, e - b) == "LLM");
}

BOOST_AUTO_TEST_CASE(half_width_katakana_composes) {
  std::string s = "ｶﾞｲﾄﾞﾗｲﾝ";
  NormalView v = normalize(s);
  BOOST_TEST(v.text == "ガイドライン");
  BOOST_TEST(mapped(v, s, "ガイド") == "ｶﾞｲﾄﾞ");
  // ガ comes from two source characters: a range inside it cannot be mapped.
  BOOST_TEST(normalize_key("ｻｰﾊﾞｰ") == normalize_key("サーバー"));
}

BOOST_AUTO_TEST_CASE(long_vowel_and_middle_dot_variants) {
  BOOST_TEST(normalize_key("サーバー") == normalize_key("サーバ"));
  BOOST_TEST(normalize_key("コンピューター") == normalize_key("コンピュータ"));
  BOOST_TEST(normalize_key("キー") != normalize_key("キ"));  // two-character words keep ー
  BOOST_TEST(normalize_key("サ－バ－") == normalize_key("サーバー"));  // full-width minus as ー
  BOOST_TEST(normalize_key("ニューラル・ネットワーク") == normalize_key("ニューラルネットワーク"));
  BOOST_TEST(normalize_key("ニューラル･ネットワーク") == normalize_key("ニューラルネットワーク"));
  BOOST_TEST(normalize_key("ヴァイオリン") == normalize_key("バイオリン"));
  BOOST_TEST(normalize_key("  base   model ") == "base model");
}

BOOST_AUTO_TEST_CASE(dropped_long_vowel_belongs_to_the_match) {
  std::string s = "新しいサーバーです";
  NormalView v = normalize(s);
  BOOST_TEST(mapped(v, s, normalize_key("サーバ")) == "サーバー");
}

BOOST_AUTO_TEST_CASE(dropped_middle_dot_is_inside_the_match_only) {
  std::string s = "ニューラル・ネットワーク";
  NormalView v = normalize(s);
  BOOST_TEST(mapped(v, s, "ニューラルネットワーク") == "ニューラル・ネットワーク");
  BOOST_TEST(mapped(v, s, "ニューラル") == "ニューラル");
}

BOOST_AUTO_TEST_CASE(compatibility_characters_map_whole_or_not_at_all) {
  std::string s = "㍿ジャテイ";
  NormalView v = normalize(s);
  BOOST_TEST(v.text.rfind("株式会社", 0) == 0);
  BOOST_TEST(mapped(v, s, "株式会社") == "㍿");
  BOOST_TEST(mapped(v, s, "会社") == "<no map>");
}

BOOST_AUTO_TEST_CASE(every_byte_maps_into_the_source) {
  std::string s = "AI（人工知能）とＧＰＵ、ｻｰﾊﾞｰ・ラック…①㌔ 😀 end";
  NormalView v = normalize(s);
  for (std::size_t i = 0; i < v.text.size(); ++i) {
    if (v.begin_at(i) != NormalView::none) BOOST_TEST(v.begin_at(i) <= s.size());
    if (v.end_at(i) != NormalView::none) BOOST_TEST(v.end_at(i) <= s.size());
  }
  // Begins and ends, in order, never go backwards.
  std::size_t last = 0;
  for (std::size_t i = 0; i < v.text.size(); ++i)
    if (v.begin_at(i) != NormalView::none) {
      BOOST_TEST(v.begin_at(i) >= last);
      last = v.begin_at(i);
    }
}

// A long text (one line of a million characters with no terminator is one sentence) is
// normalised a stretch at a time: the view is the same whatever the stretch, folds that look a
// character ahead or back across a stretch's end included, and a text NFKC and the folds leave
// alone is one run of the map, not bytes of map per byte.
BOOST_AUTO_TEST_CASE(the_view_is_the_same_for_every_stretch) {
  const std::string pieces[] = {"ｻｰﾊﾞｰ", "ヴァイオリン", "ニューラル・ネットワーク", "サ－バ－", "  base   model ", "㍿",
                                "ｶﾞｲﾄﾞﾗｲﾝ", "ＬＬＭ", "e\u0301", "😀", "コンピューター", "ヴ", "ー", "・", "\u200d", "\ufe0f", "。"};
  std::string s;
  for (int round = 0; round < 40; ++round)
    for (std::size_t k = 0; k < std::size(pieces); ++k) s += pieces[(k * 7 + static_cast<std::size_t>(round)) % std::size(pieces)];
  NormalView whole;
  normalize(s, whole, std::string::npos);
  for (std::size_t stretch : {std::size_t(1), std::size_t(2), std::size_t(3), std::size_t(5), std::size_t(7),
                              std::size_t(64), kNormalStretch}) {
    NormalView v;
    normalize(s, v, stretch);
    BOOST_TEST(v.text == whole.text, stretch);
    bool same = true;
    for (std::size_t i = 0; i < v.text.size() && i < whole.text.size(); ++i)
      same = same && v.begin_at(i) == whole.begin_at(i) && v.end_at(i) == whole.end_at(i);
    BOOST_TEST(same, stretch);
  }
  std::string plain;
  while (plain.size() < 300000) plain += "長い一行の文章が続きますが句点はありません、";
  NormalView p;
  normalize(plain, p);
  BOOST_TEST(p.text == plain);
  BOOST_TEST(p.runs.size() == 1u);
  std::size_t b = 0, e = 0;
  BOOST_TEST(p.map(3, 9, b, e));
  BOOST_TEST((b == 3 && e == 9));
  BOOST_TEST(!p.map(3, 8, b, e));  // a character split
}

BOOST_AUTO_TEST_CASE(character_classes) {
  BOOST_TEST((classify(U'A') == CharClass::latin));
  BOOST_TEST((classify(U'Ａ') == CharClass::latin));
  BOOST_TEST((classify(U'７') == CharClass::digit));
  BOOST_TEST((classify(U'の') == CharClass::hiragana));
  BOOST_TEST((classify(U'ー') == CharClass::katakana));
  BOOST_TEST((classify(U'々') == CharClass::kanji));
  BOOST_TEST((classify(U'、') != CharClass::kanji));
  BOOST_TEST(is_word_char(U'é'));
  BOOST_TEST(!is_word_char(U'ア'));
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(matcher)

BOOST_AUTO_TEST_CASE(classic_aho_corasick) {
  Matcher m;
  m.add("he", 0);
  m.add("she", 1);
  m.add("his", 2);
  m.add("hers", 3);
  m.build();
  std::vector<Matcher::Match> out;
  m.scan("ushers", out);
  std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> got;
  for (auto& x : out) got.emplace_back(x.begin, x.end, x.value);
  std::sort(got.begin(), got.end());
  std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> want{{1, 4, 1}, {2, 4, 0}, {2, 6, 3}};
  BOOST_TEST((got == want));
  auto ll = longest_leftmost(out);
  BOOST_TEST(ll.size() == 1u);
  BOOST_TEST(ll[0].value == 1u);  // "she" starts first
}

BOOST_AUTO_TEST_CASE(longest_at_the_same_start) {
  Matcher m;
  m.add("言語モデル", 0);
  m.add("大規模言語モデル", 1);
  m.add("モデル", 2);
  m.build();
  std::vector<Matcher::Match> out;
  m.scan("大規模言語モデルと言語モデル", out);
  auto ll = longest_leftmost(out);
  BOOST_TEST(ll.size() == 2u);
  BOOST_TEST(ll[0].value == 1u);
  BOOST_TEST(ll[1].value == 0u);
}

BOOST_AUTO_TEST_CASE(agrees_with_naive_search) {
  std::mt19937 rng(7);
  std::string alphabet[] = {"a", "b", "ab", "推", "論", "モ", "デ", "ル"};
  std::vector<std::string> keys;
  Matcher m;
  for (std::uint32_t k = 0; k < 400; ++k) {
    std::string key;
    int len = 1 + static_cast<int>(rng() % 5);
    for (int i = 0; i < len; ++i) key += alphabet[rng() % 8];
    keys.push_back(key);
    m.add(key, k);
  }
  m.build();
  std::string text;
  for (int i = 0; i < 3000; ++i) text += alphabet[rng() % 8];
  std::vector<Matcher::Match> out;
  m.scan(text, out);
  std::set<std::pair<std::size_t, std::string>> got, want;
  for (auto& x : out) got.insert({x.begin, text.substr(x.begin, x.end - x.begin)});
  for (auto& k : keys)
    for (std::size_t p = text.find(k); p != std::string::npos; p = text.find(k, p + 1)) want.insert({p, k});
  BOOST_TEST(got.size() == want.size());
  BOOST_TEST((got == want));
}

BOOST_AUTO_TEST_CASE(empty_automaton_and_empty_text) {
  Matcher m;
  m.build();
  std::vector<Matcher::Match> out;
  m.scan("anything", out);
  BOOST_TEST(out.empty());
  Matcher n;
  n.add("x", 0);
  n.build();
  n.scan("", out);
  BOOST_TEST(out.empty());
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(boundaries)

BOOST_AUTO_TEST_CASE(latin_terms_need_word_boundaries) {
  Document d = doc_of("OpenAIのAIとAI-based、そしてAIsやLLMs、LLMトレーニング。\n");
  small().annotate(d);
  auto t = terms_in(tei::write(d));
  // AI twice (after の, before -), LLM before katakana; not inside OpenAI, AIs or LLMs.
  BOOST_TEST(std::count(t.begin(), t.end(), "AI") == 2);
  BOOST_TEST(std::count(t.begin(), t.end(), "LLM") == 1);
  BOOST_TEST((std::find(t.begin(), t.end(), "AIs") == t.end()));
}

BOOST_AUTO_TEST_CASE(japanese_terms_inside_compounds) {
  Document d = doc_of("推論能力と大規模言語モデル開発。\n");
  small().annotate(d);
  auto t = terms_in(tei::write(d));
  BOOST_TEST((t == std::vector<std::string>{"推論", "大規模言語モデル"}));
}

BOOST_AUTO_TEST_CASE(short_katakana_not_inside_a_katakana_word) {
  Document d = doc_of("クロスエントロピーのロスを下げる。サーバーレスではない。\n");
  Options every;
  every.domain_gate = false;  // (ロス alone: an everyday word the gate would leave out)
  small().annotate(d, every);
  auto t = terms_in(tei::write(d));
  BOOST_TEST((t == std::vector<std::string>{"ロス"}));  // not in クロス; no サーバ in サーバーレス
}

BOOST_AUTO_TEST_CASE(variants_match_and_map_to_the_source) {
  Document d = doc_of("ニューラル・ネットワークとｻｰﾊﾞとＬＬＭ。\n");
  small().annotate(d);
  auto t = terms_in(tei::write(d));
  BOOST_TEST((t == std::vector<std::string>{"ニューラル・ネットワーク", "ｻｰﾊﾞ", "ＬＬＭ"}));
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(glosses)

BOOST_AUTO_TEST_CASE(parenthetical_left_edge_at_particle) {
  std::string s = "それでは次の特徴②「強力な推論(reasoning)能力」についてです。";
  auto gs = find_glosses(s);
  BOOST_TEST_REQUIRE(gs.size() == 1u);
  const FoundGloss* g = gloss_with(gs, s, "推論");
  BOOST_TEST_REQUIRE(g);
  BOOST_TEST(gloss_text(s, *g) == "reasoning");
  BOOST_TEST(!g->synonym);
}

// Where the word walk stops at hiragana, the noun compound MeCab reads goes on: a noun with
// okurigana (取り扱い), a rate (1秒あたり) when the acronym's letters ask for the phrase across
// の; otherwise the shortest compound stays.
BOOST_AUTO_TEST_CASE(left_edge_by_the_noun_compound) {
  struct Case {
    std::string sentence, term;
  };
  for (const Case& c : std::vector<Case>{
           {"取り扱い説明書(manual)を読む。", "取り扱い説明書"},
           {"取り扱い(handling)に注意する。", "取り扱い"},
           {"1秒あたりの与ダメージ(DPS)が高い。", "1秒あたりの与ダメージ"},
           {"プレイヤー同士の対戦(PvP)が人気だ。", "プレイヤー同士の対戦"},
           {"新しい説明書(manual)を読む。", "説明書"},
           {"3つの量子ビット(qubit)を使う。", "量子ビット"},
           {"1秒あたりの与ダメージ(damage)が高い。", "ダメージ"},
           {"ゲームのための説明書(manual)を読む。", "説明書"},
           // The tuning articles' glosses whose terms hold hiragana stay as they were.
           {"意味をベクトルに変換する埋め込みモデル(embedding model)を使います。", "埋め込みモデル"},
           {"耐性遺伝子をもらう遺伝子の水平伝播(horizontal gene transfer)です。", "遺伝子の水平伝播"},
           {"同時に表す「重ね合わせ(superposition)」という状態です。", "重ね合わせ"},
           {"分かるよう「有害ごみ（Hazardous Waste）」と表示します。", "有害ごみ"},
           {"変更は先行書き込みログ(WAL)に記録されます。", "先行書き込みログ"}}) {
    const FoundGloss* g = gloss_with(find_glosses(c.sentence), c.sentence, c.term);
    BOOST_TEST(g != nullptr, c.sentence << ": no gloss of " << c.term);
  }
}

BOOST_AUTO_TEST_CASE(whole_term_and_a_confidence_that_means_something) {
  // The noun phrase the parenthesis explains, not its head noun: the adjective made noun
  // (暑さ), the の phrase an English name of three words needs, okurigana inside a compound.
  struct Case {
    const char* sentence;
    const char* term;
    const char* gloss;
  } cases[] = {
      {"環境省が公表している暑さ指数（WBGT）が３１を超えると中止だ。", "暑さ指数", "WBGT"},
      {"耐性は遺伝子の水平伝播(horizontal gene transfer)で広がる。", "遺伝子の水平伝播", "horizontal gene transfer"},
      {"物理バックアップに先行書き込みログ、つまりWALを組み合わせる。", "先行書き込みログ", "WAL"},
      {"医療分野のデジタルトランスフォーメーション（ＤＸ）の推進。", "デジタルトランスフォーメーション", "ＤＸ"},
      // A possessive English name names its owner too, however few its words.
      {"量子計算ではショアのアルゴリズム(Shor's algorithm)が知られる。", "ショアのアルゴリズム", "Shor's algorithm"},
      {"ニュートンの方法(Newton's method)で解く。", "ニュートンの方法", "Newton's method"},
  };
  for (auto& c : cases) {
    std::string s = c.sentence;
    auto gs = find_glosses(s);
    const FoundGloss* g = gloss_with(gs, s, c.term);
    BOOST_TEST_REQUIRE(g, c.sentence);
    BOOST_TEST(gloss_text(s, *g) == c.gloss);
    BOOST_TEST(g->confidence >= 0.7, c.sentence << ": " << g->confidence);
  }
  BOOST_TEST(find_glosses("日本の大規模言語モデル(large language model)の話。").size() == 1u);
  // ...but never into a country: 日本の研究所(Japan's institute) glosses 研究所 alone.
  BOOST_TEST(gloss_with(find_glosses("日本の研究所(Japan's institute)がある。"), "日本の研究所(Japan's institute)がある。", "研究所"));
  BOOST_TEST(gloss_with(find_glosses("日本の大規模言語モデル(large language model)の話。"), "日本の大規模言語モデル(large language model)の話。", "大規模言語モデル"));
  // Full-width acronyms are acronyms: their Japanese name may run across の.
  {
    std::string s = "モノのインターネット（ＩｏＴ）の時代。";
    const FoundGloss* g = gloss_with(find_glosses(s), s, "モノのインターネット");
    BOOST_TEST_REQUIRE(g);
    BOOST_TEST(g->acronym == false);  // IoT has a lower-case letter: acronym-like, not an acronym
  }
  // Not glosses: a handle before Japanese, a Latin name before a word that is not its reading.
  BOOST_TEST(find_glosses("@kuroneko_ops（作成者）　2024-03-04").empty());
  BOOST_TEST(find_glosses("@kuroneko_ops(黒猫インフラ)").empty());
  BOOST_TEST(find_glosses("閲覧にはAdobe Acrobat Reader（無料）が必要です。").empty());
  // The reverse form with an acronym is still one.
  {
    std::string s = "VIX（恐怖指数）が急上昇した。";
    const FoundGloss* g = gloss_with(find_glosses(s), s, "恐怖指数");
    BOOST_TEST_REQUIRE(g);
    BOOST_TEST(g->confidence >= 0.75);
  }
  // Confidence: a katakana name that reads as its gloss is near 1; a katakana word glossed by
  // an English word it does not read as, and an acronym whose Japanese name has far fewer words
  // than its letters, stay under 0.6; the pairs the text states stay at 0.7 and more.
  {
    std::string s = "米エヌビディア(NVIDIA)の株価。";
    const FoundGloss* g = gloss_with(find_glosses(s), s, "エヌビディア");
    BOOST_TEST_REQUIRE(g);
    BOOST_TEST(g->confidence > 0.9);
  }
  {
    std::string s = "新しいカメラ(Lumen)を買った。";
    const FoundGloss* g = gloss_with(find_glosses(s), s, "カメラ");
    BOOST_TEST_REQUIRE(g);
    BOOST_TEST(g->confidence < 0.6, g->confidence);
  }
  {
    std::string s = "今回は指数(WXYZQ)を使う。";
    auto gs = find_glosses(s);
    const FoundGloss* g = gloss_with(gs, s, "指数");
    BOOST_TEST_REQUIRE(g);
    BOOST_TEST(g->confidence < 0.6, g->confidence);
  }
}

BOOST_AUTO_TEST_CASE(full_width_parentheses_and_quotes) {
  std::string s = "どこかのLLMから「蒸留（Distillation）」によって移行した。";
  auto gs = find_glosses(s);
  const FoundGloss* g = gloss_with(gs, s, "蒸留");
  BOOST_TEST_REQUIRE(g);
  BOOST_TEST(gloss_text(s, *g) == "Distillation");
}

BOOST_AUTO_TEST_CASE(transliteration_drops_the_country_prefix) {
  std::string s = "消費電力は、米エヌビディア(NVIDIA)の主力GPUの3分の1程度だ。";
  auto gs = find_glosses(s);
  const FoundGloss* g = gloss_with(gs, s, "エヌビディア");
  BOOST_TEST_REQUIRE(g);
  BOOST_TEST(gloss_text(s, *g) == "NVIDIA");
  BOOST_TEST(g->transliteration > 0.75);
}

BOOST_AUTO_TEST_CASE(acronym_after_apposition_cue) {
  std::string s = "新しい暗号、つまり耐量子計算機暗号(PQC)への移行が急がれている。";
  auto gs = find_glosses(s);
  const FoundGloss* g = gloss_with(gs, s, "耐量子計算機暗号");
  BOOST_TEST_REQUIRE(g);
  BOOST_TEST(gloss_text(s, *g) == "PQC");
  BOOST_TEST(g->acronym);
}

BOOST_AUTO_TEST_CASE(an_instance_in_parentheses_is_no_gloss) {
  // A description followed by the name of what it describes: no translation pair.
  for (const char* s : {"同社の新モデル(GPT-5)は来月公開される。", "米半導体大手(NVIDIA)の株価が上がった。",
                        "創業者(CEO)のサム・アルトマン氏が来日した。"})
    BOOST_TEST(find_glosses(s).empty(), s);
  // while a name and its acronym, or a term and its English, still are
  BOOST_TEST(finds("経済産業省(METI)と推論(inference)。", "経済産業省"));
  BOOST_TEST(finds("経済産業省(METI)と推論(inference)。", "推論"));
}

BOOST_AUTO_TEST_CASE(reverse_gloss) {
  std::string s = "新車販売の2割を超えたEV(電気自動車)だが、普及は遅い。";
  auto gs = find_glosses(s);
  const FoundGloss* g = gloss_with(gs, s, "電気自動車");
  BOOST_TEST_REQUIRE(g);
  BOOST_TEST(gloss_text(s, *g) == "EV");
  BOOST_TEST((g->form == FoundGloss::Form::reverse));
}

BOOST_AUTO_TEST_CASE(noun_with_okurigana_and_inflected_word) {
  BOOST_TEST(finds("ノイズにとても弱く、誤り訂正(error correction)が欠かせない", "誤り訂正"));
  std::string t = "全国で増え続ける耕作放棄地(abandoned farmland)。";
  auto gs = find_glosses(t);
  const FoundGloss* g = gloss_with(gs, t, "耕作放棄地");
  BOOST_TEST_REQUIRE(g);
  BOOST_TEST(gloss_text(t, *g) == "abandoned farmland");
}

BOOST_AUTO_TEST_CASE(quoted_phrase_is_the_term) {
  std::string s = "これを「今収集して後で解読(Harvest Now, Decrypt Later)」と呼びます。";
  auto gs = find_glosses(s);
  const FoundGloss* g = gloss_with(gs, s, "今収集して後で解読");
  BOOST_TEST_REQUIRE(g);
  BOOST_TEST(gloss_text(s, *g) == "Harvest Now, Decrypt Later");
}

BOOST_AUTO_TEST_CASE(apposition_both_ways) {
  std::string s = "大規模言語モデル、すなわちLLMが注目されている。";
  auto gs = find_glosses(s);
  const FoundGloss* g = gloss_with(gs, s, "大規模言語モデル");
  BOOST_TEST_REQUIRE(g);
  BOOST_TEST(gloss_text(s, *g) == "LLM");
  BOOST_TEST((g->form == FoundGloss::Form::apposition));
  std::string r = "それはRLHF、つまり人間のフィードバックによる強化学習です。";
  gs = find_glosses(r);
  BOOST_TEST_REQUIRE(gs.size() == 1u);
  BOOST_TEST(gloss_text(r, gs[0]) == "RLHF");
}

BOOST_AUTO_TEST_CASE(japanese_gloss_is_a_synonym_only_for_known_terms) {
  std::string s = "莫大な費用のかかる「学習済みデータ(知識)」は、移行したものだ。";
  BOOST_TEST(find_glosses(s).empty());
  auto gs = find_glosses(s, [](std::string_view x) { return x == "知識"; });
  const FoundGloss* g = gloss_with(gs, s, "学習済みデータ");
  BOOST_TEST_REQUIRE(g);
  BOOST_TEST(g->synonym);
  BOOST_TEST(gloss_text(s, *g) == "知識");
}

BOOST_AUTO_TEST_CASE(what_is_not_a_gloss) {
  for (std::string s : {"フォローして最新記事をチェック!X(旧Twitter)でも配信中です。",
                        "焼肉ならいいよ(笑) あ、それと。",
                        "最大5000億ドル(約80兆円)を投じる。",
                        "それにしても$500Billion つまり5000億ドルとは驚きだ。",
                        "(まだ推測ですが)日本の企業も対応を迫られる。",
                        "(文:森川透 編集:高木美咲)",
                        "ミナトセミコン(東京都港区)は発表した。",
                        "つまりベースモデルならだれでも入手できる。",
                        "同社の中村健太氏(CEO)は語った。",
                        "詳しくは報告書(PDF)を参照。",
                        "選択肢(a)を選ぶ。"})
    BOOST_TEST(find_glosses(s).empty(), s);
}

BOOST_AUTO_TEST_CASE(two_glosses_in_one_parenthesis) {
  std::string s = "GPT-4などの大規模言語モデル（Large Language Model、LLM）が普及した。";
  auto gs = find_glosses(s);
  BOOST_TEST_REQUIRE(gs.size() == 2u);
  BOOST_TEST(s.substr(gs[0].term_begin, gs[0].term_end - gs[0].term_begin) == "大規模言語モデル");
  BOOST_TEST(gloss_text(s, gs[0]) == "Large Language Model");
  BOOST_TEST(gloss_text(s, gs[1]) == "LLM");
  BOOST_TEST(gs[1].acronym);
  std::string t = "これを「今収集して後で解読(Harvest Now, Decrypt Later)」と呼ぶ。";
  BOOST_TEST(find_glosses(t).size() == 1u);  // no acronym: one gloss with a comma
  Document d = doc_of(s + "\n");
  small().annotate(d);
  std::string xml = tei::write(d);
  BOOST_TEST(xml.find("<gloss target=\"#t1\" xml:lang=\"en\">Large Language Model</gloss>、<gloss target=\"#t1\" xml:lang=\"en\">LLM</gloss>") !=
             std::string::npos, xml);
}

BOOST_AUTO_TEST_CASE(okurigana_cut_out_of_a_compound) {
  std::string s = "文章の意味をベクトルに変換する埋め込みモデル(embedding model)を使う。";
  auto gs = find_glosses(s);
  BOOST_TEST_REQUIRE(gs.size() == 1u);
  BOOST_TEST(s.substr(gs[0].term_begin, gs[0].term_end - gs[0].term_begin) == "埋め込みモデル");
  // a particle between two kanji words still ends the phrase
  std::string t = "この会社は東京に本社(headquarters)を置く。";
  gs = find_glosses(t);
  BOOST_TEST_REQUIRE(gs.size() == 1u);
  BOOST_TEST(t.substr(gs[0].term_begin, gs[0].term_end - gs[0].term_begin) == "本社");
}

BOOST_AUTO_TEST_CASE(middle_dot_between_kanji_separates_a_list) {
  BOOST_TEST(finds("睡眠は浅い睡眠・深い睡眠・レム睡眠(REM sleep)の3つに分かれる。", "レム睡眠"));
  BOOST_TEST(finds("ニューラル・ネットワーク(neural network)を使う。", "ニューラル・ネットワーク"));
}

BOOST_AUTO_TEST_CASE(number_the_gloss_shares_belongs_to_the_term) {
  BOOST_TEST(finds("そのまま16ビット浮動小数点(FP16)で読み込む。", "16ビット浮動小数点"));
  BOOST_TEST(finds("まず2段階認証(two-step verification)を設定する。", "2段階認証"));
  BOOST_TEST(finds("たとえば8ビット量子化(quantization)では精度が落ちる。", "ビット量子化"));  // the gloss does not write the 8
  BOOST_TEST(!finds("たとえば8ビット量子化(quantization)では精度が落ちる。", "8ビット量子化"));
}

BOOST_AUTO_TEST_CASE(a_title_after_a_name) {
  std::string s = "岡田真理子最高財務責任者(CFO)は説明した。";
  auto gs = find_glosses(s);
  BOOST_TEST_REQUIRE(gs.size() == 1u);
  BOOST_TEST(s.substr(gs[0].term_begin, gs[0].term_end - gs[0].term_begin) == "最高財務責任者");
  BOOST_TEST(finds("同社の最高経営責任者(CEO)が語った。", "最高経営責任者"));
}

BOOST_AUTO_TEST_CASE(country_prefix_before_kanji) {
  BOOST_TEST(finds("米連邦準備制度理事会(FRB)の利下げ観測が後退した。", "連邦準備制度理事会"));
  BOOST_TEST(finds("中国人民銀行(PBOC)が利下げした。", "中国人民銀行"));  // 中国 is a word: nothing is dropped
}

BOOST_AUTO_TEST_CASE(what_is_not_a_gloss_either) {
  for (std::string s : {"ケースは42mmと46mm(アルミ製)の2種類。",
                        "サイズは42mmと46mm(いずれもアルミ製)の2種類。",
                        "Llama 3.1は独自のコミュニティライセンス(Llama 3.1 Community License)に従う。",
                        "速度は毎秒約45トークン(tokens/s)だった。",
                        "対応する端末(iOS/Android)はまだ少ない。",
                        "主要な企業(Google、Apple)が発表した。",
                        "よく使う略語(AI、ML)を覚える。",
                        "Satya Nadella(最高経営責任者)は語った。",
                        "提携先のOpenAI(米国)が発表した。",
                        "提携先のOpenAI(米)が発表した。",
                        "Sakana AI(東京都千代田区)は資金を調達した。",
                        "詳しくは公式サイト(English)をご覧ください。",
                        "結果は実験装置(Fig. 2)の通り。"})
    BOOST_TEST(find_glosses(s).empty(), s);
  // while these are
  for (std::string s : {"二酸化炭素(CO2)を減らす。", "CEO(最高経営責任者)に就いた。", "IEA(国際エネルギー機関)によると。",
                        "人工知能(AI、Artificial Intelligence)の研究。"})
    BOOST_TEST(!find_glosses(s).empty(), s);
}

BOOST_AUTO_TEST_CASE(a_role_after_a_spaced_name_is_no_gloss) {
  // Rosters and credits write family name, space, given name; the parenthesis after it holds
  // a position or a role.
  for (std::string s : {"松永 健（GK）　セーブ率38％", "田中 優斗（CAP） 2トライ", "・村上 彩（MF）、2得点", "監督 森（GM）", "10　SO　岩城 優斗（Cap）"})
    BOOST_TEST(find_glosses(s).empty(), s);
  // while a term after a space in a sentence that goes on, or not after a space, keeps its
  // acronym
  for (std::string s : {"速報 国連（UN）が声明を出した。", "人工知能（AI） 入門", "主将は優斗（CAP）。"})
    BOOST_TEST(!find_glosses(s).empty(), s);
}

BOOST_AUTO_TEST_CASE(a_species_and_its_scientific_name) {
  for (std::string s : {"チームは、ギンゴケ（Bryum argenteum）を実験室で育てた。", "大腸菌（Escherichia coli）を使った。",
                        "イエイヌ（Canis lupus familiaris）の祖先。"}) {
    auto gs = find_glosses(s);
    BOOST_TEST_REQUIRE(gs.size() == 1u, s);
    BOOST_TEST(gs[0].confidence >= 0.8, s);
  }
}

BOOST_AUTO_TEST_CASE(an_acronym_spelled_out_after_a_colon) {
  // (ACRONYM: English name): the colon after an acronym splits the parenthesis into two glosses.
  for (std::string s : {"近年は大規模言語モデル（LLM: Large Language Model）の話題が多い。",
                        "営業部は顧客関係管理（ＣＲＭ：Customer Relationship Management）を入れた。"}) {
    auto gs = find_glosses(s);
    BOOST_TEST_REQUIRE(gs.size() == 2u, s);
    BOOST_TEST(gs[0].term_begin == gs[1].term_begin);
    BOOST_TEST(gs[0].acronym);
    std::string name = gloss_text(s, gs[1]);
    BOOST_TEST((name == "Large Language Model" || name == "Customer Relationship Management"), name);
  }
  // A label before a colon is no acronym of what follows: one gloss, or none, never two.
  std::string t = "表示は縮小版（Note: beta version）になる。";
  BOOST_TEST(find_glosses(t).size() <= 1u);
}

BOOST_AUTO_TEST_CASE(a_katakana_compound_trimmed_to_what_the_gloss_names) {
  // The acronym's initials are the last words of the compound: the words before qualify it.
  std::string s = "家庭ではスマートホームハブコネクト（HC）を使う。";
  auto* g = gloss_with(find_glosses(s), s, "ハブコネクト");
  BOOST_TEST_REQUIRE(g);
  BOOST_TEST(g->acronym);
  // The compound's first word cannot start the acronym's first letter; a later one can.
  s = "新たにビジネスカスタマーリレーションシップマネジメント（CRM）を入れた。";
  BOOST_TEST(finds(s, "カスタマーリレーションシップマネジメント"));
  // The whole compound stays when its first word can spell the first letter.
  s = "各社はクラウドサービスプロバイダー（CSP）を選ぶ。";
  BOOST_TEST(finds(s, "クラウドサービスプロバイダー"));
  s = "ユニバーサルシリアルバス（USB）で充電する。";
  BOOST_TEST(finds(s, "ユニバーサルシリアルバス"));
  // An English phrase: the katakana words that read as it, after kanji or other katakana.
  s = "社内データナレッジグラフ（knowledge graph）を作る。";
  BOOST_TEST(finds(s, "ナレッジグラフ"));
  s = "研究室はオープンデータナレッジグラフ（knowledge graph）を作る。";
  BOOST_TEST(finds(s, "ナレッジグラフ"));
  // A katakana loanword that reads as its English whole is kept whole.
  s = "企業はサステナビリティ（sustainability）を重視している。";
  BOOST_TEST(finds(s, "サステナビリティ"));
}

BOOST_AUTO_TEST_CASE(a_one_kanji_prefix_of_an_acronyms_name) {
  // 全 ends a phrase going left (全社員), but opens the name an acronym has a letter for.
  std::string s = "電池では全固体電池（ASSB）が注目される。";
  BOOST_TEST(finds(s, "全固体電池"));
  // Not when the words after it already give the letters, nor inside a kanji word (安全).
  s = "これは全人工知能（AI）に当てはまる。";
  BOOST_TEST(finds(s, "人工知能"));
  s = "工場の安全固体燃料管理（SSFM）を見直す。";
  BOOST_TEST(!finds(s, "全固体燃料管理"));
}

BOOST_AUTO_TEST_CASE(an_equals_sign_between_a_term_and_its_english) {
  std::string s = "ここでいう推論＝reasoningは、答えを導く過程のことだ。";
  auto* g = gloss_with(find_glosses(s), s, "推論");
  BOOST_TEST_REQUIRE(g);
  BOOST_TEST(gloss_text(s, *g) == "reasoning");
  // One way only: the English first does not tell where the Japanese phrase after it ends.
  s = "ここでいうreasoning＝推論過程の説明は省く。";
  BOOST_TEST(find_glosses(s).empty());
  // A figure is no gloss.
  s = "価格＝1000円とする。";
  BOOST_TEST(find_glosses(s).empty());
}

BOOST_AUTO_TEST_CASE(shapes_a_translator_meets_in_many_genres) {
  // An English name with its acronym before it, after a particle.
  std::string s = "会議には国際通貨基金（IMF、International Monetary Fund）の担当者も来た。";
  auto gs = find_glosses(s);
  BOOST_TEST_REQUIRE(gs.size() == 2u);
  BOOST_TEST(s.substr(gs[0].term_begin, gs[0].term_end - gs[0].term_begin) == "国際通貨基金");
  // A katakana loanword with its English; いわゆる before the term is not part of it.
  s = "いわゆるリスキリング（reskilling）が広がっている。";
  BOOST_TEST(finds(s, "リスキリング"));
  // A quoted term, the gloss after the quote, then と呼ばれる.
  s = "この現象は「推論」（reasoning）と呼ばれる。";
  BOOST_TEST(finds(s, "推論"));
  // The left edge after a number and its counter.
  s = "この町では3つの再生可能エネルギー（renewable energy）の事業が動いている。";
  BOOST_TEST(finds(s, "再生可能エネルギー"));
  // Several glossed terms in one sentence, each its own left edge.
  s = "研究チームは知識蒸留（knowledge distillation）と量子化（quantization）と枝刈り（pruning）を比べた。";
  gs = find_glosses(s);
  BOOST_TEST_REQUIRE(gs.size() == 3u);
  BOOST_TEST(finds(s, "知識蒸留"));
  BOOST_TEST(finds(s, "量子化"));
  BOOST_TEST(finds(s, "枝刈り"));
}

BOOST_AUTO_TEST_CASE(left_edges) {
  auto edge = [](const std::string& s, const std::string& before) {
    std::size_t end = s.find(before);
    return s.substr(term_left_edge(s, end), end - term_left_edge(s, end));
  };
  BOOST_TEST(edge("観測できる合成開口レーダー(SAR)", "(") == "合成開口レーダー");
  BOOST_TEST(edge("したのが正規化植生指数(NDVI)です", "(") == "正規化植生指数");
  BOOST_TEST(edge("はい。アメリカ国立標準技術研究所(NIST)が", "(") == "アメリカ国立標準技術研究所");
  BOOST_TEST(edge("国際エネルギー機関(IEA)", "(") == "国際エネルギー機関");
  BOOST_TEST(edge("LLMに基本的な学習(事前学習)を", "(") == "学習");
  std::string why;
  std::string s = "強力な推論";
  term_left_edge(s, s.size(), &why);
  BOOST_TEST(why.find("な") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(loanwords)

BOOST_AUTO_TEST_CASE(romanisation) {
  BOOST_TEST(romanize("ベースモデル") == "besumoderu");
  BOOST_TEST(romanize("アライメント") == "araimento");
}

BOOST_AUTO_TEST_CASE(similar_pairs) {
  BOOST_TEST(loanword_similarity("ベースモデル", "base model") > 0.9);
  BOOST_TEST(loanword_similarity("アライメント", "alignment") >= 0.75);
  BOOST_TEST(loanword_similarity("エヌビディア", "NVIDIA") > 0.9);
  BOOST_TEST(loanword_similarity("ソフトバンク", "Softbank") > 0.9);
  BOOST_TEST(loanword_similarity("コンピューター", "computer") > 0.9);
  BOOST_TEST(loanword_similarity("スターゲート", "Stargate") > 0.9);
  BOOST_TEST(loanword_similarity("トレーニング", "training") > 0.9);
  BOOST_TEST(loanword_similarity("スミッシング", "smishing") > 0.9);
}

BOOST_AUTO_TEST_CASE(dissimilar_pairs) {
  BOOST_TEST(loanword_similarity("ベースモデル", "alignment") < 0.5);
  BOOST_TEST(loanword_similarity("ビット", "qubit") < 0.75);
  BOOST_TEST(loanword_similarity("レーダー", "SAR") < 0.75);
  BOOST_TEST(loanword_similarity("ソフトバンク", "Stargate") < 0.5);
}

BOOST_AUTO_TEST_SUITE_END()

// ------------------------------------------------------------------------------------------
BOOST_AUTO_TEST_SUITE(stage)

BOOST_AUTO_TEST_CASE(gloss_and_sense) {
  Document d = doc_of("強力な推論(reasoning)能力がある。推論モデルと推論処理。\n");
  Report r = small().annotate(d, Options{true, true});
  std::string xml = tei::write(d);
  BOOST_TEST(xml.find("強力な<term xml:id=\"t1\" ref=\"test.tbx#c1\">推論</term>(<gloss target=\"#t1\" xml:lang=\"en\">reasoning</gloss>)能力") !=
             std::string::npos, xml);
  // Context cues from the termbase: 推論モデル -> reasoning, 推論処理 -> inference.
  BOOST_TEST(xml.find("<term xml:id=\"t2\" ref=\"test.tbx#c1\">推論</term>モデル") != std::string::npos, xml);
  BOOST_TEST(xml.find("<term xml:id=\"t3\" ref=\"test.tbx#c2\">推論</term>処理") != std::string::npos, xml);
  BOOST_TEST(xml.find("<application ident=\"jatei-terms\"") != std::string::npos);
  BOOST_TEST(xml.find("<ptr target=\"test.tbx\" />") != std::string::npos, xml);
  BOOST_TEST(r.inconsistencies.empty());
  BOOST_TEST(!r.explanations.empty());
}

BOOST_AUTO_TEST_CASE(idempotent_and_keeps_ids) {
  Document d = doc_of("強力な推論(reasoning)能力。蒸留(Distillation)とAI。\n続きでも推論を使う。\n");
  small().annotate(d);
  std::string once = tei::write(d);
  Document again = tei::read(once);
  small().annotate(again);
  BOOST_TEST(tei::write(again) == once);
  // A document whose ids are already taken by other markup: new ids go around them.
  std::string taken = tei::write(doc_of("強力な推論(reasoning)能力。蒸留(Distillation)とAI。\n続きでも推論を使う。\n"));
  std::size_t p = taken.find("<s xml:id=\"s1\">");
  taken.replace(p, 15, "<s xml:id=\"s1\"><anchor xml:id=\"t1\"/>");
  Document e = tei::read(taken);
  small().annotate(e);
  std::string out = tei::write(e);
  BOOST_TEST(out.find("<anchor xml:id=\"t1\"/>") != std::string::npos);
  BOOST_TEST(out.find("<term xml:id=\"t1\"") == std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(never_splits_other_markup) {
  Document d = doc_of("大規模言語モデルを作った。\n");
  Sentence* s = d.sentences().front();
  // An <orgName> that covers 大規模言 (made by another stage) would be split by the term.
  Span org{0, std::string("大規模言").size(), "orgName", {}};
  s->spans.push_back(org);
  Report r = small().annotate(d, Options{true, false});
  std::string xml = tei::write(d);
  BOOST_TEST((xml.find(">大規模言語モデル</term>") == std::string::npos), xml);
  bool said = false;
  for (auto& line : r.explanations) said = said || line.find("would cross <orgName>") != std::string::npos;
  BOOST_TEST(said);
  // A term inside another element nests.
  Document e = doc_of("大規模言語モデルを作った。\n");
  e.sentences().front()->spans.push_back({0, e.sentences().front()->text.size(), "seg", {}});
  small().annotate(e);
  BOOST_TEST(tei::write(e).find("<seg><term xml:id=\"t1\"") != std::string::npos);
}

// A termbase with the subject fields the sense choice reads: 推論 in two fields, 報酬 in machine
// learning and in everyday business writing, and terms that show a field.
const Annotator& senses_annotator() {
  static const Annotator a = [] {
    tbx::Termbase tb;
    tb.origin = "/somewhere/senses.tbx";
    auto add = [&](const std::string& id, const std::string& field, std::vector<std::string> ja,
                   std::vector<std::string> en, const std::string& context = {}) {
      tbx::Concept c = concept_of(id, std::move(ja), std::move(en), context);
      c.subject_field = field;
      tb.concepts.push_back(std::move(c));
    };
    add("r", "artificial intelligence", {"推論"}, {"reasoning"}, "強力な推論能力を持つ推論モデル。");
    add("i", "machine learning", {"推論"}, {"inference"}, "推論処理に特化した推論チップで推論サーバーを動かす。");
    add("rm", "machine learning", {"推論モデル"}, {"reasoning model"});
    add("llm", "natural language processing", {"大規模言語モデル", "LLM"}, {"large language model", "LLM"});
    add("bot", "artificial intelligence", {"チャットボット"}, {"chatbot"});
    add("rl", "machine learning", {"強化学習"}, {"reinforcement learning"});
    add("rw", "machine learning", {"報酬"}, {"reward"});
    add("pay", "business", {"報酬"}, {"remuneration", "pay"});
    return Annotator({std::make_shared<const tbx::Termbase>(std::move(tb))});
  }();
  return a;
}

// The refs of the <term>s of a written document whose text is `term`, in order.
std::vector<std::string> refs_of(const std::string& xml, const std::string& term) {
  std::vector<std::string> out;
  for (std::size_t p = xml.find("<term "); p != std::string::npos; p = xml.find("<term ", p + 1)) {
    std::size_t b = xml.find('>', p) + 1;
    if (xml.compare(b, term.size() + 7, term + "</term>") != 0) continue;
    std::size_t r = xml.find("ref=\"", p);
    out.push_back(r < b ? xml.substr(r + 5, xml.find('"', r + 5) - r - 5) : "");
  }
  return out;
}

BOOST_AUTO_TEST_CASE(one_sense_per_document_from_its_context_cues) {
  // The title's 推論サーバー is inference by the termbase's cues; the 推論 of the next paragraphs
  // has no cue of its own and takes the document's sense (not both, not the chatbot's field).
  Document d = doc_of("LLM推論サーバーの費用\n社内チャットボットの推論基盤を見直しました。\n推論の高速化はまだ伸びしろがあります。\n");
  Report r = senses_annotator().annotate(d, Options{true, false});
  std::string xml = tei::write(d);
  BOOST_TEST((refs_of(xml, "推論") == std::vector<std::string>{"senses.tbx#i", "senses.tbx#i", "senses.tbx#i"}), xml);
  bool said = false;
  for (auto& line : r.explanations) said = said || line.find("sense from the document's other occurrences") != std::string::npos;
  BOOST_TEST(said);
}

BOOST_AUTO_TEST_CASE(a_longer_term_names_the_sense) {
  // 推論モデル ("reasoning model") names one sense of 推論: the bare 推論 of the document is reasoning.
  Document d = doc_of("大規模言語モデルと推論モデルの話。\n推論の質が上がった。\n");
  senses_annotator().annotate(d, Options{false, false});
  BOOST_TEST((refs_of(tei::write(d), "推論") == std::vector<std::string>{"senses.tbx#r"}), tei::write(d));
  // Evidence for both senses: the bare 推論 stays ambiguous, both senses given.
  Document e = doc_of("推論モデルを推論サーバーで動かす。\n推論の質が上がった。\n");
  senses_annotator().annotate(e, Options{false, false});
  BOOST_TEST((refs_of(tei::write(e), "推論") == std::vector<std::string>{"senses.tbx#i", "senses.tbx#r senses.tbx#i"}),
             tei::write(e));
}

BOOST_AUTO_TEST_CASE(the_paragraphs_field_chooses_between_domains) {
  // 報酬 beside 強化学習 is the reward of machine learning; alone in a related-links line it may be
  // pay: both senses, although the document is about machine learning.
  Document d = doc_of("AIと大規模言語モデル(LLM)の話\n強化学習では報酬を設計する。\n翻訳者の報酬はなぜ上がらないのか。\n");
  Report r = senses_annotator().annotate(d, Options{true, false});
  std::string xml = tei::write(d);
  BOOST_TEST((refs_of(xml, "報酬") == std::vector<std::string>{"senses.tbx#rw", "senses.tbx#rw senses.tbx#pay"}), xml);
  bool said = false;
  for (auto& line : r.explanations) said = said || line.find("sense from the paragraph's field (machine learning)") != std::string::npos;
  BOOST_TEST(said);
  // The glossary lists the undecided one with both translations.
  BOOST_TEST(glossary_tsv(r.glossary).find("報酬\treward / remuneration\t1\ts3\ttermbase\n") != std::string::npos,
             glossary_tsv(r.glossary));
}

BOOST_AUTO_TEST_CASE(inconsistency_is_reported_and_noted) {
  Document d = doc_of("強力な推論(reasoning)能力がある。\n高速な推論(inference)チップもある。\n");
  Report r = small().annotate(d);
  BOOST_TEST_REQUIRE(r.inconsistencies.size() == 1u);
  BOOST_TEST(r.inconsistencies[0].japanese == "推論");
  std::string msg = r.inconsistencies[0].message();
  BOOST_TEST(msg.find("reasoning") != std::string::npos);
  BOOST_TEST(msg.find("inference") != std::string::npos);
  BOOST_TEST_REQUIRE(d.header.notes.size() == 1u);
  BOOST_TEST(d.header.notes[0].type == "terminology");
  std::string xml = tei::write(d);
  BOOST_TEST(xml.find("<notesStmt>") != std::string::npos);
  // Acronym and full form of one concept agree.
  Document e = doc_of("大規模言語モデル(LLM)と大規模言語モデル(large language model)。\n");
  BOOST_TEST(small().annotate(e).inconsistencies.empty());
}

BOOST_AUTO_TEST_CASE(translation_renderings) {
  Document d = doc_of("強力な推論(reasoning)能力がある。\n推論が速い。\n");
  // A parallel translation (jatei-merge): s2's 推論 is translated "inference".
  Division tr;
  tr.type = "translation";
  tr.attrs.set("xml:lang", "en");
  Turn t;
  Block b;
  Leaf l;
  Piece p;
  p.kind = Piece::Kind::sentence;
  p.sentence.text = "Inference is fast.";
  p.sentence.attrs.set("corresp", "#" + d.sentences()[1]->id);
  l.pieces.push_back(p);
  b.leaves.push_back(l);
  t.blocks.push_back(b);
  tr.turns.push_back(t);
  d.divisions.push_back(tr);
  Report r = small().annotate(d);
  BOOST_TEST_REQUIRE(r.inconsistencies.size() == 1u);
  BOOST_TEST(r.inconsistencies[0].message().find("translated") != std::string::npos);
  // Nothing is marked inside the English.
  BOOST_TEST(d.divisions.back().turns[0].blocks[0].leaves[0].pieces[0].sentence.spans.empty());
}

BOOST_AUTO_TEST_CASE(low_confidence_pairs_are_not_marked) {
  // A katakana word glossed by a name it does not read as, an acronym with far more letters
  // than its Japanese name has words: found, under kMinGlossConfidence, so not marked.
  Document d = doc_of("新しいカメラ(Lumen)を買った。\n今回は指数(WXYZQ)を使う。\n強力な推論(reasoning)能力。\n");
  Report r = small().annotate(d, Options{false, true});
  std::string out = tei::write(d);
  std::size_t glosses = 0;
  for (std::size_t p = out.find("<gloss "); p != std::string::npos; p = out.find("<gloss ", p + 1)) ++glosses;
  BOOST_TEST(glosses == 1u, out);
  BOOST_TEST(out.find(">reasoning</gloss>") != std::string::npos);
  for (auto& c : r.candidates) BOOST_TEST(c.english != "Lumen");
}

BOOST_AUTO_TEST_CASE(glossary_and_candidates) {
  Document d = doc_of("強力な推論(reasoning)能力。\nエヌビディア(NVIDIA)の推論とAI。\nベースモデルとbase modelとアライメントとalignment。\n");
  Report r = small().annotate(d, Options{false, true});
  std::string tsv = glossary_tsv(r.glossary);
  BOOST_TEST(tsv.rfind("japanese\tenglish\tcount\tfirst_sentence\tsource\n", 0) == 0);
  BOOST_TEST(tsv.find("推論\treasoning\t2\ts1\ttermbase+text\n") != std::string::npos, tsv);
  BOOST_TEST(tsv.find("エヌビディア\tNVIDIA\t1\ts2\ttext\n") != std::string::npos, tsv);
  BOOST_TEST(tsv.find("AI\tartificial intelligence\t1\ts2\ttermbase\n") != std::string::npos, tsv);
  bool nvidia = false, base = false, align = false;
  for (auto& c : r.candidates) {
    nvidia = nvidia || (c.japanese == "エヌビディア" && c.english == "NVIDIA" && c.kind == "transliteration");
    base = base || (c.japanese == "ベースモデル" && c.english == "base model" && c.kind == "loanword" && c.confidence > 0.9);
    align = align || (c.japanese == "アライメント" && c.english == "alignment" && c.kind == "loanword");
  }
  BOOST_TEST(nvidia);
  BOOST_TEST(base);
  BOOST_TEST(align);
  tbx::Termbase tb = candidates_termbase(r.candidates, "test.txt");
  BOOST_TEST(tb.concepts.size() == r.candidates.size());
  BOOST_TEST(tb.concepts[0].lang("ja")->terms[0].context.find("(NVIDIA)") != std::string::npos);
  tbx::Termbase back = tbx::read(tbx::write(tb), "cand.tbx");
  back.origin.clear();
  tb.origin.clear();
  BOOST_TEST(back.concepts.size() == tb.concepts.size());
}

BOOST_AUTO_TEST_CASE(later_termbase_replaces_a_term) {
  tbx::Termbase client;
  client.origin = "client.tbx";
  client.concepts.push_back(concept_of("x1", {"推論"}, {"inference"}));
  Annotator a({small_termbase(), std::make_shared<const tbx::Termbase>(client)});
  Document d = doc_of("推論能力を持つ大規模言語モデル。\n");
  a.annotate(d);
  BOOST_TEST(tei::write(d).find("ref=\"client.tbx#x1\">推論</term>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_everyday_word_needs_the_field) {
  // 推論, 蒸留, 知識: short words of everyday Japanese too. Alone (two of them) they are not the
  // termbase's terms; beside a longer term of it, or glossed, or three of them, they are.
  auto marked = [](const std::string& text, bool gate = true) {
    Document d = doc_of(text);
    Options o;
    o.explain = true;
    o.domain_gate = gate;
    Report r = small().annotate(d, o);
    return terms_in(tei::write(d));
  };
  BOOST_TEST(marked("入社後は学習期間です。推論より経験です。蒸留水を使います。\n").size() == 0u);
  BOOST_TEST(marked("推論より経験です。蒸留水を使います。\n").empty());
  BOOST_TEST((marked("推論より経験です。蒸留水を使います。\n", false) == std::vector<std::string>{"推論", "蒸留"}));
  BOOST_TEST((marked("推論と蒸留。大規模言語モデルの話。\n") == std::vector<std::string>{"推論", "蒸留", "大規模言語モデル"}));
  BOOST_TEST((marked("推論と蒸留。LLMの話。\n") == std::vector<std::string>{"推論", "蒸留", "LLM"}));
  BOOST_TEST((marked("蒸留(distillation)と推論。\n") == std::vector<std::string>{"蒸留", "推論"}));
  BOOST_TEST((marked("推論と蒸留と知識。\n") == std::vector<std::string>{"推論", "蒸留", "知識"}));
}

BOOST_AUTO_TEST_CASE(the_page_furniture_shows_no_field) {
  // A related-links line (boilerplate) that names a term of the field does not make the
  // article's everyday words the field's terms; the same line in the article does.
  auto marked = [](bool furniture) {
    Document d = doc_of("推論より経験です。蒸留水を使います。\n\nLLMの話。\n");
    if (furniture) {
      auto& blocks = d.divisions.at(0).turns.at(0).blocks;
      BOOST_TEST_REQUIRE(blocks.size() == 2u);
      Division links;
      links.type = "boilerplate";
      links.turns.emplace_back();
      links.turns[0].blocks.push_back(blocks.back());
      blocks.pop_back();
      d.divisions.push_back(std::move(links));
    }
    small().annotate(d, Options{});
    return terms_in(tei::write(d));
  };
  BOOST_TEST((marked(false) == std::vector<std::string>{"推論", "蒸留", "LLM"}));
  auto furnished = marked(true);
  BOOST_TEST((furnished == std::vector<std::string>{"LLM"}), furnished.size() << " " << (furnished.empty() ? "" : furnished[0]));
}

BOOST_AUTO_TEST_CASE(the_team_termbase) {
  tbx::Termbase tb = tbx::read_file(std::string(JATEI_SOURCE_DIR) + "/corpora/termbase/ja-en-ai.tbx");
  BOOST_TEST(tb.concepts.size() >= 150u);
  int suiron = 0, with_note = 0;
  std::set<std::string> english;
  for (auto& c : tb.concepts) {
    const tbx::LangSection* ja = c.lang("ja");
    const tbx::LangSection* en = c.lang("en");
    BOOST_TEST_REQUIRE(ja);
    BOOST_TEST_REQUIRE(en);
    for (auto& t : ja->terms) BOOST_TEST(tbx::basic_picklist_allows("partOfSpeech", t.part_of_speech), t.text);
    if (ja->terms[0].text == "推論") {
      ++suiron;
      with_note += !c.notes.empty();
      english.insert(en->terms[0].text);
    }
  }
  BOOST_TEST(suiron == 2);
  BOOST_TEST(with_note == 2);
  BOOST_TEST((english == std::set<std::string>{"reasoning", "inference"}));
  Annotator a({std::make_shared<const tbx::Termbase>(tb)});
  for (auto* t : {"蒸留", "事前学習", "事後学習", "ベースモデル", "アライメント", "大規模言語モデル", "LLM", "オープンソース",
                  "オープン・ソース", "ＬＬＭ", "ﾃﾞｰﾀｾﾝﾀｰ", "量子コンピュータ"})
    BOOST_TEST(a.is_term(t), t);
  // A longer katakana word the termbase knows is matched whole: no cloud inside crowdfunding.
  Document d = doc_of("クラウドファンディングで集めた資金でクラウドを借りる。\n");
  a.annotate(d);
  auto terms = terms_in(tei::write(d));
  BOOST_TEST((terms == std::vector<std::string>{"クラウドファンディング", "クラウド"}));
  // A termbase term ending in Latin letters takes the English gloss after it.
  Document g = doc_of("生成AI(Generative AI)が普及した。\n");
  a.annotate(g);
  std::string xml = tei::write(g);
  BOOST_TEST(xml.find(">生成AI</term>(<gloss target=") != std::string::npos, xml);
  BOOST_TEST(xml.find("xml:lang=\"en\">Generative AI</gloss>") != std::string::npos, xml);
}

// Property: whatever the text, the stage keeps every character, writes markup that reads back,
// and a second run gives the same bytes.
BOOST_AUTO_TEST_CASE(random_text_round_trips_and_is_idempotent) {
  std::mt19937 rng(30042);
  const std::vector<std::string> pieces{
      "推論", "(", ")", "（", "）", "reasoning", "つまり", "、", "。", "AI", "OpenAI", "ＬＬＭ", "ｻｰﾊﾞｰ", "ー", "・",
      "「", "」", "大規模言語モデル", "EV", "電気自動車", "の", "は", "ｶﾞ", "\u3099", "e\u0301", "😀", " ", "2", "㍿",
      "ニューラル", "ネットワーク", "蒸留", "Distillation", "すなわち", "米", "エヌビディア", "NVIDIA", "&", "<", "知識"};
  for (int n = 0; n < 400; ++n) {
    std::string text;
    int len = 1 + static_cast<int>(rng() % 30);
    for (int i = 0; i < len; ++i) text += pieces[rng() % pieces.size()];
    text += "\n";
    Document d = doc_of(text);
    std::string plain = d.text();
    small().annotate(d, Options{true, true});
    std::string once = tei::write(d);
    Document back = tei::read(once);
    BOOST_TEST(back.text() == plain, text);
    small().annotate(back, Options{false, true});
    BOOST_TEST(tei::write(back) == once, text);
  }
}

BOOST_AUTO_TEST_SUITE_END()
