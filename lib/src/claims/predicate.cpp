// The final predicate of a sentence: chunks, the predicate chunk, what its function words say,
// and the quotative, subject and object chunks before it (predicate.hpp).
#include "claims/predicate.hpp"

#include <algorithm>

#include "jatei/text.hpp"

namespace jatei::claims {

using namespace text;

namespace {

constexpr std::size_t kWindowChars = 30;

bool word_start(char32_t prev, char32_t c) {
  // Where MeCab can start cleanly: a kanji, katakana, Latin or digit run after kana or a
  // symbol, or anything after a symbol.
  bool content = is_kanji(c) || (is_katakana(c) && c != 0x30FC) || is_latin(c) || is_digit(c);
  return content && !(is_kanji(prev) || (is_katakana(prev) && prev != 0x30FC) || is_latin(prev) || is_digit(prev));
}

// Verbs that follow て/で as aspect or benefactive auxiliaries (いる, しまう, いただく, …).
bool te_auxiliary(std::string_view base) {
  static const std::string_view list[] = {"いる", "ある", "おる", "くる", "いく", "しまう", "みる", "おく", "もらう",
                                          "いただく", "いただける", "くださる", "くれる", "あげる", "もらえる",
                                          "ちゃう", "ほしい", "らっしゃる", "いらっしゃる"};
  return std::find(std::begin(list), std::end(list), base) != std::end(list);
}

bool is_function(const std::vector<Morph>& m, std::size_t i) {
  const Morph& x = m[i];
  const Morph* p = i > 0 ? &m[i - 1] : nullptr;
  switch (x.pos) {
    case Pos::particle:
    case Pos::auxiliary:
      return true;
    case Pos::verb:
      if (x.pos1 == "非自立" || x.pos1 == "接尾") return true;
      if (p && p->pos == Pos::particle && (p->surface == "て" || p->surface == "で") && te_auxiliary(x.base)) return true;
      // かもしれない: か も しれる
      if ((x.base == "しれる" || x.base == "知れる") && p && (p->surface == "も" || p->surface == "かも")) return true;
      // に違いありません, そうもありません, ではありません: ある after a function word
      if (x.base == "ある" && p &&
          ((p->pos == Pos::noun && (p->base == "違い" || p->base == "ちがい" || p->base == "相違")) ||
           ((p->surface == "も" || p->surface == "は" || p->surface == "に") && i >= 2 &&
            ((m[i - 2].pos == Pos::noun && (m[i - 2].pos1 == "接尾" || m[i - 2].pos1 == "特殊") && m[i - 2].pos2 == "助動詞語幹") ||
             (m[i - 2].pos == Pos::auxiliary && m[i - 2].base == "だ")))))
        return true;
      // に決まっている: a plain form + に + 決まる
      if (x.base == "決まる" && p && p->surface == "に" && i >= 2 &&
          (m[i - 2].pos == Pos::verb || m[i - 2].pos == Pos::adjective || m[i - 2].pos == Pos::auxiliary))
        return true;
      return false;
    case Pos::adjective:
      if (x.pos1 == "非自立" || x.pos1 == "接尾") return true;
      if (x.base == "ない" && p &&
          (p->surface == "に" || p->surface == "で" || p->surface == "じゃ" || p->surface == "は" || p->surface == "も" ||
           p->pos == Pos::adjective || p->pos == Pos::auxiliary || (p->pos == Pos::noun && p->pos1 == "接尾")) &&
          !(p->surface == "は" || p->surface == "も") )
        return true;
      if (x.base == "ない" && p && (p->surface == "は" || p->surface == "も") && i >= 2 &&
          (m[i - 2].surface == "で" || m[i - 2].surface == "じゃ" || m[i - 2].surface == "く"))
        return true;  // ではない, くもない
      // はずはない, はずがない, はずもない: the negation of はず, one modal with it
      if (x.base == "ない" && p && (p->surface == "は" || p->surface == "が" || p->surface == "も") && i >= 2 &&
          m[i - 2].base == "はず" && m[i - 2].pos == Pos::noun)
        return true;
      if (x.base == "ほしい" && p && (p->surface == "て" || p->surface == "で")) return true;
      return false;
    case Pos::noun:
      if (x.pos1 == "非自立" || x.pos1 == "特殊") return true;
      if (x.pos1 == "接尾" && x.pos2 == "助動詞語幹") return true;
      // に違いない, に相違ない
      if ((x.base == "違い" || x.base == "ちがい" || x.base == "相違") && p && p->surface == "に") return true;
      return false;
    default:
      return false;
  }
}

bool is_content_noun(const Morph& x) { return x.pos == Pos::noun; }

bool quotative_particle(const Morph& x) {
  if (x.pos != Pos::particle) return false;
  if (x.surface == "と") return x.pos1 == "格助詞" || x.pos1 == "接続助詞";
  return x.surface == "って" || x.surface == "という" || x.surface == "といった" || x.surface == "とか" ||
         x.surface == "っていう" || x.surface == "つって" || x.surface == "として" || x.surface == "との";
}

bool focus_particle(std::string_view s) {
  return s == "も" || s == "は" || s == "だけ" || s == "まで" || s == "さえ" || s == "すら" || s == "か" || s == "の";
}

std::string join(const std::vector<Morph>& m, std::size_t a, std::size_t b) {
  std::string out;
  for (std::size_t k = a; k < b; ++k) out += m[k].surface;
  return out;
}

// Cuts the morphs into chunks.
std::vector<Chunk> chunk(const std::vector<Morph>& m) {
  std::vector<Chunk> out;
  std::size_t i = 0;
  while (i < m.size()) {
    Chunk c;
    c.first = i;
    if (m[i].pos == Pos::symbol) {
      c.kind = Chunk::Kind::symbol;
      c.lemma = std::string(m[i].surface);
      c.content_end = c.last = i + 1;
      out.push_back(std::move(c));
      ++i;
      continue;
    }
    // The content word: prefixes, compounds, a サ変 noun with する, 明らか+に+する.
    std::size_t j = i;
    while (j < m.size() && m[j].pos == Pos::prefix) ++j;
    if (j < m.size() && !is_function(m, j) && m[j].pos != Pos::symbol) {
      const Morph& h = m[j];
      switch (h.pos) {
        case Pos::noun: {
          std::size_t k = j + 1;
          while (k < m.size() && is_content_noun(m[k]) && !is_function(m, k)) ++k;
          c.kind = Chunk::Kind::noun;
          std::string noun = join(m, j, k);
          // サ変 noun + する/できる/される; 形容動詞 stem + に + する/なる
          if (k < m.size() && m[k].pos == Pos::verb && (m[k].base == "する" || m[k].base == "できる") &&
              m[k - 1].pos1 == "サ変接続") {
            c.kind = Chunk::Kind::verb;
            c.lemma = noun + "する";
            ++k;
          } else if (k + 1 < m.size() && m[k - 1].pos1 == "形容動詞語幹" && m[k].surface == "に" &&
                     m[k + 1].pos == Pos::verb && m[k + 1].base == "する") {
            c.kind = Chunk::Kind::verb;
            c.lemma = noun + "にする";
            k += 2;
          } else {
            c.lemma = noun;
          }
          j = k;
          break;
        }
        case Pos::verb: {
          c.kind = Chunk::Kind::verb;
          std::size_t k = j + 1;
          std::string lemma(h.base);
          // Compound verbs MeCab splits: 書き+込む, 言い+切る (a stem followed by a verb).
          while (k < m.size() && m[k].pos == Pos::verb && m[k].pos1 == "自立" && m[k - 1].cform == "連用形" &&
                 !is_function(m, k)) {
            lemma = join(m, j, k) + std::string(m[k].base);
            ++k;
          }
          c.lemma = lemma;
          j = k;
          break;
        }
        case Pos::adjective:
          c.kind = Chunk::Kind::adjective;
          c.lemma = std::string(h.base);
          ++j;
          // 大きくなる, 高くなる: one predicate
          if (j < m.size() && m[j].pos == Pos::verb && m[j].base == "なる" && h.cform.starts_with("連用")) {
            c.kind = Chunk::Kind::verb;
            c.lemma = std::string(h.surface) + "なる";
            ++j;
          }
          break;
        case Pos::adverb:
        case Pos::adnominal:
        case Pos::conjunction:
        case Pos::interjection:
          c.kind = Chunk::Kind::adverb;
          c.lemma = std::string(h.base);
          ++j;
          break;
        default:
          c.kind = Chunk::Kind::other;
          c.lemma = std::string(h.surface);
          ++j;
          break;
      }
    }
    if (j == i && m[i].pos == Pos::noun) {
      // No content word: a formal noun opens the chunk (」ものなのかもしれない).
      c.kind = Chunk::Kind::noun;
      c.lemma = std::string(m[i].base);
      j = i + 1;
    }
    c.content_end = j;
    c.surface = join(m, i, j);
    std::size_t k = j;
    while (k < m.size() && (is_function(m, k) || (k == i && m[k].pos != Pos::symbol))) ++k;
    if (k == i) k = i + 1;
    c.last = k;
    c.tail = join(m, c.content_end, c.last);
    // …というふうに, …というように (おっしゃっていた): the manner noun after a quotative particle
    // makes the same quotation.
    if (c.last >= c.content_end + 3 && m[c.last - 1].surface == "に" && m[c.last - 2].pos == Pos::noun &&
        (m[c.last - 2].base == "ふう" || m[c.last - 2].base == "風" || m[c.last - 2].base == "よう") &&
        (m[c.last - 3].surface == "という" || m[c.last - 3].surface == "って" || m[c.last - 3].surface == "っていう")) {
      c.particle = "に";
      c.quotative = true;
      c.quote_particle = "と";
      out.push_back(std::move(c));
      i = k;
      continue;
    }
    // The last particle, and a quotative particle followed only by focus particles.
    for (std::size_t q = c.last; q-- > c.content_end;) {
      if (m[q].pos == Pos::particle) {
        if (c.particle.empty()) c.particle = std::string(m[q].surface);
      }
      // …んだって言ってた: the explanatory ん/の, the copula and って, which ipadic reads as だって
      bool n_datte = m[q].surface == "だって" && q > c.content_end && (m[q - 1].surface == "ん" || m[q - 1].surface == "の") &&
                     m[q - 1].pos == Pos::noun && q + 1 == c.last && c.last < m.size() && m[c.last].pos == Pos::verb;
      if (quotative_particle(m[q]) || n_datte) {
        bool only_focus = true;
        std::string focus;
        for (std::size_t r = q + 1; r < c.last; ++r) {
          if (m[r].pos != Pos::particle || !focus_particle(m[r].surface)) only_focus = false;
          focus += m[r].surface;
        }
        if (only_focus) {
          c.quotative = true;
          c.quote_particle = n_datte ? std::string("って") : std::string(m[q].surface);
          // などと, とか, との
          if (q > c.content_end && m[q - 1].surface == "など") c.quote_particle = "など" + c.quote_particle;
          if (focus == "の") {
            c.quote_particle += "の";
            focus.clear();
          } else if (focus == "か" && c.quote_particle == "と") {
            c.quote_particle = "とか";
            focus.clear();
          }
          c.focus = focus;
        }
        break;
      }
      if (m[q].pos != Pos::particle) break;
    }
    out.push_back(std::move(c));
    i = k;
  }
  return out;
}

void add_mark(Predicate& p, Modal what, std::size_t b, std::size_t e, std::string note = {}) {
  p.marks.push_back({what, b, e, std::move(note)});
}

// The tail of a predicate chunk being read: the predicate, its morphs (the function words
// from a to z), and the negations counted so far.
struct Tail {
  Predicate& p;
  const std::vector<Morph>& m;
  std::size_t a, z;
  // The morph that ends the content word decides what そう and らしい mean.
  const Morph* content_last;
  int negations = 0, negations_before_request = -1;

  // The morph at k and its neighbours in the tail.
  struct At {
    const Morph& x;
    const Morph* prev;
    const Morph* next;
    std::string_view s, b;
  };
  At at(std::size_t k) const {
    const Morph& x = m[k];
    return {x, k > 0 ? &m[k - 1] : nullptr, k + 1 < z ? &m[k + 1] : nullptr, x.surface, x.base};
  }
};

// What the inflecting words of the tail say: voice, aspect, tense, negation, politeness and
// the modal auxiliaries and verbs.
struct Inflections : Tail {
  // Voice, aspect and the verbs that carry a modality (得る, かねない, いただける, かもしれない,
  // に決まっている).
  void verb(std::size_t& k) {
    [[maybe_unused]] auto [x, prev, next, s, b] = at(k);
    if (x.pos == Pos::verb && x.pos1 == "接尾") {
      if (b == "れる" || b == "られる") p.passive = true;
      if (b == "せる" || b == "させる") p.causative = true;
      return;
    }
    if (x.pos == Pos::verb && (b == "いる" || b == "おる" || b == "てる" || b == "とる")) {
      p.progressive = true;
      return;
    }
    if (x.pos == Pos::verb && (b == "得る" || b == "うる") && prev && prev->cform == "連用形") {
      add_mark(p, Modal::potential, x.begin, x.end, "a stem + 得る: can happen");
      return;
    }
    if (x.pos == Pos::verb && b == "かねる" && next && (next->base == "ない" || next->base == "ます")) {
      add_mark(p, Modal::risk, x.begin, z > k + 1 ? m[z - 1].end : x.end, "かねない: could well");
      return;
    }
    if (x.pos == Pos::verb && (b == "くださる" || b == "下さる" || b == "いただける" || b == "もらえる" || b == "いただく" ||
                               b == "もらう" || b == "くれる")) {
      if (b == "くださる" || b == "下さる" || b == "いただける" || b == "もらえる") {
        add_mark(p, Modal::request, x.begin, x.end, "a request");
        negations_before_request = negations;
      }
      return;
    }
    if (x.pos == Pos::verb && (b == "しれる" || b == "知れる")) {
      std::size_t start = prev && prev->surface == "かも" ? prev->begin : k >= 2 ? m[k - 2].begin : x.begin;
      add_mark(p, Modal::possibility, start, x.end, "かもしれない: maybe");
      return;
    }
    if (x.pos == Pos::verb && b == "決まる") {
      add_mark(p, Modal::certainty, prev ? prev->begin : x.begin, x.end, "に決まっている: surely");
      return;
    }
  }

  void auxiliary(std::size_t& k) {
    [[maybe_unused]] auto [x, prev, next, s, b] = at(k);
    if (b == "ない" || b == "ぬ" || b == "ん") {
      ++negations;
      p.negative = negations % 2 == 1;
      return;
    }
    if (b == "た") {
      p.past = true;
      return;
    }
    if (b == "ます" || b == "です") {
      p.polite = true;
      if (b == "です" && x.cform == "未然形" && next && next->base == "う") {
        add_mark(p, Modal::conjecture, x.begin, next->end, "でしょう");
        ++k;
        return;
      }
      if (b == "です" && x.cform == "未然形" && !next) add_mark(p, Modal::agreement, x.begin, x.end, "でしょ");
      if (b == "ます" && x.cform == "未然ウ接続" && next && next->base == "う") {
        add_mark(p, Modal::volitional, x.begin, next->end, "ましょう");
        ++k;
      }
      return;
    }
    if (b == "だ" && x.cform == "未然形" && next && next->base == "う") {
      add_mark(p, Modal::conjecture, x.begin, next->end, "だろう");
      ++k;
      return;
    }
    if (b == "ある" && x.cform == "未然ウ接続" && next && next->base == "う") {
      add_mark(p, Modal::conjecture, prev ? prev->begin : x.begin, next->end, "であろう");
      ++k;
      return;
    }
    if (b == "う" || b == "よう") {
      add_mark(p, Modal::volitional, x.begin, x.end, "volitional");
      return;
    }
    if (b == "らしい") {
      // After a predicate (a verb, an adjective, an auxiliary such as た or だ): hearsay.
      // Right after a noun it makes an adjective (春らしい, 彼らしい).
      // After a clause-final particle (増えたかららしい, 混んでいたかららしい): the reason is
      // what is heard.
      bool after_predicate = prev && (prev->pos == Pos::verb || prev->pos == Pos::adjective || prev->pos == Pos::auxiliary ||
                                      (prev->pos == Pos::noun && prev->pos1 == "非自立" && prev->surface != "の") ||
                                      (prev->pos == Pos::particle && (prev->pos1 == "接続助詞" || prev->pos1 == "副助詞")));
      // A noun + らしい at the end: hearsay (下げ幅らしい), unless it says what is typical of
      // someone (彼らしい: a pronoun) or is graded (いかにも春らしい).
      if (!after_predicate && prev && prev->pos == Pos::noun && prev->pos1 != "代名詞") {
        bool graded = false;
        if (p.head > 0) {
          const Chunk& before_head = p.chunks[p.head - 1];
          static const std::string_view degree[] = {"いかにも", "実に", "とても", "すごく", "本当に", "なんとも", "最も", "一番", "いちばん"};
          for (auto d : degree)
            if (before_head.lemma == d) graded = true;
        }
        bool final_position = true;
        for (std::size_t r = k + 1; r < z; ++r)
          if (m[r].pos != Pos::particle) final_position = false;
        after_predicate = !graded && final_position;
      }
      if (after_predicate) add_mark(p, Modal::hearsay, x.begin, x.end, "らしい after a predicate: hearsay");
      return;
    }
    if (b == "たい") {
      add_mark(p, Modal::wish, x.begin, x.end, "たい: a wish");
      return;
    }
  }

  void adjective(std::size_t& k) {
    [[maybe_unused]] auto [x, prev, next, s, b] = at(k);
    if (x.pos == Pos::adjective && b == "ない") {
      ++negations;
      p.negative = negations % 2 == 1;
      return;
    }
    // できんかったらしい: ipadic reads ったらしい as an adjective suffix (長ったらしい); after
    // a stem it is the past + hearsay of a contracted verb.
    if (x.pos == Pos::adjective && x.pos1 == "接尾" && s == "ったらしい") {
      p.past = true;
      add_mark(p, Modal::hearsay, x.begin, x.end, "(っ)たらしい after a predicate: hearsay");
      return;
    }
    if (x.pos == Pos::adjective && b == "ほしい") {
      add_mark(p, Modal::wish, x.begin, x.end, "てほしい: a wish");
      return;
    }
  }
};

// Reads the predicate chunk's function words, one morph at a time by its part of speech (the
// inflecting ones in Inflections; here the nouns that make a modal and the final particles),
// then what only the whole tail shows.
struct TailReader : Inflections {
  void read() {
    for (std::size_t k = a; k < z; ++k) {
      switch (m[k].pos) {
        case Pos::verb: verb(k); break;
        case Pos::auxiliary: auxiliary(k); break;
        case Pos::adjective: adjective(k); break;
        case Pos::noun: noun(k); break;
        case Pos::particle: particle(k); break;
        default: break;
      }
    }
    after();
  }

  // に違いない, and the nouns that make a modal (そうだ, ようだ, みたいだ, つもり, はず, のだ, とのことだ).
  void noun(std::size_t& k) {
    [[maybe_unused]] auto [x, prev, next, s, b] = at(k);
    if (x.pos == Pos::noun && (b == "違い" || b == "ちがい" || b == "相違")) {
      // its ない (or ありません) is not a negation
      std::size_t last = k;
      while (last + 1 < z && (m[last + 1].base == "ない" || m[last + 1].base == "ある" || m[last + 1].base == "ます" ||
                              m[last + 1].base == "ん"))
        ++last;
      add_mark(p, Modal::certainty, prev ? prev->begin : x.begin, m[last].end, "に違いない: must be");
      k = last;
      return;
    }
    bool plain_before = prev && ((prev->pos == Pos::verb && prev->cform == "基本形") ||
                                 (prev->pos == Pos::adjective && prev->cform == "基本形") ||
                                 (prev->pos == Pos::auxiliary && (prev->base == "た" || prev->base == "だ" || prev->base == "ない") &&
                                  prev->cform == "基本形"));
    if (b == "そう" && (x.pos1 == "特殊" || (x.pos1 == "接尾" && plain_before))) {
      add_mark(p, Modal::hearsay, x.begin, next ? next->end : x.end, "そうだ after a plain form: hearsay");
      return;
    }
    if (b == "そう" && x.pos1 == "接尾") {
      bool adjective = content_last && (content_last->pos == Pos::adjective ||
                                        (content_last->pos == Pos::noun && content_last->pos1 == "形容動詞語幹"));
      if (prev && prev->pos == Pos::auxiliary && prev->base == "ない") adjective = true;  // なさそう
      if (adjective) add_mark(p, Modal::impression, x.begin, x.end, "そう after an adjective stem: an impression");
      else add_mark(p, Modal::appearance, x.begin, x.end, "そう after a verb stem: looks likely to");
      return;
    }
    if (b == "よう" && x.pos2 == "助動詞語幹") {
      bool simile = prev && (prev->surface == "の" || prev->surface == "この" || prev->surface == "その");
      if (!simile && (!next || next->base == "だ" || next->base == "です" || next->base == "ある" || next->surface == "に" ||
                      next->surface == "で"))
        add_mark(p, Modal::inference, x.begin, x.end, "ようだ: it seems");
      return;
    }
    if (b == "みたい") {
      add_mark(p, Modal::inference, x.begin, x.end, "みたいだ: it seems");
      return;
    }
    if (b == "つもり") {
      add_mark(p, Modal::wish, x.begin, x.end, "つもり: an intention");
      return;
    }
    if (b == "はず") {
      add_mark(p, Modal::certainty, x.begin, x.end, "はず: should be");
      return;
    }
    if ((b == "の" || b == "ん") && next && (next->base == "だ" || next->base == "です")) {
      add_mark(p, Modal::explanatory, x.begin, next->end, "explanatory の/ん");
      return;
    }
    if (b == "こと" && k >= 2 && m[k - 1].surface == "の" && m[k - 2].surface == "と") {
      add_mark(p, Modal::hearsay, m[k - 2].begin, x.end, "とのことだ: so I hear");
      return;
    }
  }

  // Final particles: questions, かも, だって, とか, かと, ではないか, かな, かしら, って.
  void particle(std::size_t& k) {
    [[maybe_unused]] auto [x, prev, next, s, b] = at(k);
    if (s == "かも" && (!next || next->pos1 == "終助詞" || next->base == "です")) {
      add_mark(p, Modal::possibility, x.begin, x.end, "かも: maybe");
      return;
    }
    if (s == "だって" && (!next || next->pos1 == "終助詞")) {
      add_mark(p, Modal::hearsay, x.begin, x.end, "sentence-final だって: I hear");
      return;
    }
    // 完成しているとか。: a predicate, then と and a final か: what is heard (とか, not a question)
    bool predicate_before = k >= 2 && (m[k - 2].pos == Pos::verb || m[k - 2].pos == Pos::auxiliary ||
                                       m[k - 2].pos == Pos::adjective);
    if (s == "か" && k + 1 == z && prev && prev->surface == "と" && prev->pos == Pos::particle && predicate_before) {
      add_mark(p, Modal::hearsay, prev->begin, x.end, "sentence-final とか: so I hear");
      return;
    }
    if (s == "とか" && k + 1 == z && k >= 1 &&
        (m[k - 1].pos == Pos::verb || m[k - 1].pos == Pos::auxiliary || m[k - 1].pos == Pos::adjective)) {
      add_mark(p, Modal::hearsay, x.begin, x.end, "sentence-final とか: so I hear");
      return;
    }
    // 運休になるかと。: か and a final と, かと思う left unsaid: a hedge, not a question
    if (s == "か" && next && next->surface == "と" && k + 2 == z && k >= 1 &&
        (m[k - 1].pos == Pos::verb || m[k - 1].pos == Pos::auxiliary || m[k - 1].pos == Pos::adjective)) {
      add_mark(p, Modal::possibility, x.begin, next->end, "かと (…かと思う left unsaid): a hedge");
      ++k;
      return;
    }
    // か も at the end: かも (maybe)
    if (s == "か" && next && next->surface == "も" && k + 2 == z) {
      add_mark(p, Modal::possibility, x.begin, next->end, "かも: maybe");
      ++k;
      return;
    }
    // では/じゃ ない か: のではないか, じゃないか
    // …ではないでしょうか / ではないだろうか: the same, through a conjecture
    bool conjectured = k >= 4 && prev && prev->base == "う" && (m[k - 2].base == "です" || m[k - 2].base == "だ") &&
                       m[k - 3].base == "ない" && (m[k - 4].surface == "は" || m[k - 4].surface == "で" || m[k - 4].surface == "じゃ");
    if (s == "か" && k >= 1 && prev && (prev->base == "ない" || prev->base == "ん" || conjectured) && negations > 0) {
      add_mark(p, Modal::negation_question, x.begin, x.end, "ではないか");
      p.finals += s;
      return;
    }
    if (x.pos1 == "終助詞" || s == "か" || (s == "って" && k + 1 >= z) || (s == "の" && k + 1 == z) || s == "かしら" ||
        s == "っけ") {
      bool final_position = true;
      for (std::size_t r = k + 1; r < z; ++r)
        if (m[r].pos != Pos::particle) final_position = false;
      if (!final_position) return;
      p.finals += s;
      if (s == "か") add_mark(p, Modal::question, x.begin, x.end, "final か");
      else if (s == "かしら") add_mark(p, Modal::wonder, x.begin, x.end, "かしら");
      else if (s == "な" && prev && prev->surface == "か") {
        for (auto& mk : p.marks)
          if (mk.what == Modal::question && mk.begin == prev->begin) mk.what = Modal::wonder, mk.end = x.end, mk.note = "かな";
      } else if (s == "って" && !(prev && prev->pos == Pos::auxiliary && (prev->base == "ます" || prev->base == "です"))) {
        // 中止なんだって, 変わるってさ: hearsay; 違いますって (insisting) is not
        add_mark(p, Modal::hearsay, x.begin, x.end, "sentence-final って: I hear");
      }
      return;
    }
  }

  // What only the whole tail shows: ってさ, のではないか, という, …ないと, a request not to.
  void after() {
    // ってさ / ってよ: って before final particles only
    if (!p.has(Modal::hearsay)) {
      for (std::size_t k = a; k < z; ++k) {
        if (m[k].surface != "って" || m[k].pos != Pos::particle) continue;
        bool finals_only = true;
        for (std::size_t r = k + 1; r < z; ++r)
          if (m[r].pos != Pos::particle || m[r].pos1 != "終助詞") finals_only = false;
        bool polite = k > 0 && m[k - 1].pos == Pos::auxiliary && (m[k - 1].base == "ます" || m[k - 1].base == "です");
        if (finals_only && !polite) add_mark(p, Modal::hearsay, m[k].begin, m[k].end, "sentence-final って: I hear");
      }
    }
    // のではないか / のではないでしょうか / んじゃないか: a negated explanatory question
    for (std::size_t k = a; k + 2 < z; ++k) {
      if (!((m[k].surface == "の" || m[k].surface == "ん") && m[k].pos == Pos::noun)) continue;
      std::size_t r = k + 1;
      if (r < z && (m[r].surface == "で" || m[r].surface == "じゃ")) ++r;
      else continue;
      if (r < z && m[r].surface == "は") ++r;
      if (r < z && m[r].base == "ない") {
        bool asks = p.has(Modal::question);
        if (asks && !p.has(Modal::negation_question)) {
          for (auto& mk : p.marks)
            if (mk.what == Modal::question) mk.what = Modal::negation_question, mk.note = "のではないか";
        }
        break;
      }
    }
    // …という。 (news): what is said
    if (z > a && m[z - 1].surface == "という" && m[z - 1].pos == Pos::particle)
      add_mark(p, Modal::hearsay, m[z - 1].begin, m[z - 1].end, "sentence-final という: so it is said");
    // 買わないと / 行かなきゃ: an obligation the speaker sets
    {
      std::string tail(p.s_tail);
      if (tail.ends_with("ないと") || tail.ends_with("なきゃ") || tail.ends_with("なくちゃ") || tail.ends_with("ないとね"))
        add_mark(p, Modal::obligation, m[z - 1].begin, m[z - 1].end, "…ないと: an obligation");
    }
    // A request not to (開けないでください, 押さないで下さい): the negation comes before the
    // request verb and none after it (信じてもらえない is no request).
    if (negations_before_request >= 0 && negations_before_request % 2 == 1 && negations == negations_before_request)
      p.prohibition = true;
    // 押さないで(ね), 触らないで！, 走らないように: the negative て-form or ないように ending the
    // sentence asks the hearer not to (the request verb left unsaid).
    {
      std::size_t e = z;
      while (e > a && m[e - 1].pos == Pos::particle && m[e - 1].pos1 == "終助詞" && m[e - 1].surface != "で") --e;
      auto negation = [&](std::size_t k) { return m[k].pos == Pos::auxiliary && (m[k].base == "ない" || m[k].base == "ぬ"); };
      bool nai_de = e >= a + 2 && m[e - 1].pos == Pos::particle && m[e - 1].surface == "で" && negation(e - 2);
      bool nai_youni = e >= a + 3 && m[e - 1].surface == "に" && m[e - 2].base == "よう" && m[e - 2].pos == Pos::noun &&
                       negation(e - 3);
      if (nai_de || nai_youni) {
        std::size_t from = m[nai_de ? e - 2 : e - 3].begin;
        std::erase_if(p.marks, [&](const ModalMark& mk) { return mk.what == Modal::inference && mk.begin >= from; });
        add_mark(p, Modal::request, from, m[e - 1].end, nai_de ? "ないで at the end: a request not to" : "ないように at the end: a request not to");
        p.prohibition = true;
      }
    }
    // A final か after a request (ていただけますか) is part of the request.
    if (p.has(Modal::request) && p.has(Modal::question)) p.honorific_request = true;
  }
};

void read_tail(Predicate& p) {
  const Chunk& h = p.chunks[p.head];
  p.s_tail = h.tail;
  TailReader r{{{p, p.morphs, h.content_end, h.last, h.content_end > h.first ? &p.morphs[h.content_end - 1] : nullptr}}};
  r.read();
}

}  // namespace

std::string_view to_string(Modal m) {
  switch (m) {
    case Modal::conjecture: return "conjecture";
    case Modal::hearsay: return "hearsay";
    case Modal::appearance: return "appearance";
    case Modal::impression: return "impression";
    case Modal::inference: return "inference";
    case Modal::possibility: return "possibility";
    case Modal::certainty: return "certainty";
    case Modal::risk: return "risk";
    case Modal::potential: return "potential";
    case Modal::question: return "question";
    case Modal::wonder: return "wonder";
    case Modal::volitional: return "volitional";
    case Modal::request: return "request";
    case Modal::wish: return "wish";
    case Modal::explanatory: return "explanatory";
    case Modal::agreement: return "agreement";
    case Modal::negation_question: return "negation-question";
    case Modal::obligation: return "obligation";
  }
  return "?";
}

// A comma right before a quotative particle (値上げはしない、と社長は述べた; 「…」、と語った;
// …、などと述べた): the news style that sets the quotation off. The window goes on past it, so
// that the particle is read after its quotation; analyse_predicate drops the comma when MeCab
// reads a quotative particle after it, and starts after it otherwise (とはいえ, とても).
static bool comma_before_quotative(std::string_view n, std::size_t after_comma) {
  std::string_view rest = n.substr(after_comma);
  // Conjunctions and adverbs that start with と (難しい、とはいえ…; 、ところが; 、とても) are no
  // quotative particle.
  for (std::string_view word : {"とはいえ", "とはいっても", "ところ", "とにかく", "とりあえず", "とても", "ともあれ",
                                "ともかく", "とともに", "と同時に", "とき"})
    if (rest.starts_with(word)) return false;
  return rest.starts_with("と") || rest.starts_with("などと") || rest.starts_with("って");
}

static bool is_comma(char32_t c) { return c == 0x3001 || c == ',' || c == 0xFF0C; }

std::size_t predicate_window(std::string_view n, std::size_t body, std::size_t core_end) {
  std::size_t i = core_end, chars = 0;
  while (i > body) {
    std::size_t len = 0;
    char32_t c = before(n, i, len);
    if (is_comma(c) && i - len > body && comma_before_quotative(n, i)) {
      i -= len;
      continue;
    }
    if (is_comma(c) || c == 0x3002) break;
    if (is_close_bracket(c)) {
      i -= len;  // the bracket closes the clause before the predicate (」と): keep it
      break;
    }
    if (is_open_bracket(c)) break;
    i -= len;
    if (++chars >= kWindowChars) {
      // Start where a word starts.
      std::size_t k = i;
      while (k < core_end) {
        std::size_t l2 = 0;
        char32_t p = before(n, k, l2);
        char32_t here = at(n, k);
        if (word_start(p, here)) break;
        k = next(n, k);
      }
      if (k < core_end) i = k;
      break;
    }
  }
  return i;
}

namespace {

// A comma the window went past (comma_before_quotative): dropped before a quotative particle
// (and before など+と), which then follows its quotation as without the comma. Before anything
// else the window starts after it: the offset to start again from, or npos.
std::size_t drop_commas(Predicate& p) {
  for (std::size_t k = p.morphs.size(); k-- > 0;) {
    const Morph& x = p.morphs[k];
    // (ipadic reads an ASCII comma, NFKC's form of ，, as a noun, and と after it as the
    // particle that joins nouns.)
    if (!((x.pos == Pos::symbol || x.surface == ",") && is_comma(at(x.surface, 0)))) continue;
    if (k + 1 < p.morphs.size() && p.morphs[k + 1].pos == Pos::particle && p.morphs[k + 1].surface == "と" &&
        p.morphs[k + 1].pos1 == "並立助詞")
      p.morphs[k + 1].pos1 = "格助詞";
    bool quote_next = k + 1 < p.morphs.size() &&
                      (quotative_particle(p.morphs[k + 1]) ||
                       (p.morphs[k + 1].surface == "など" && k + 2 < p.morphs.size() && quotative_particle(p.morphs[k + 2])));
    if (!quote_next) return x.end;
    p.morphs.erase(p.morphs.begin() + static_cast<std::ptrdiff_t>(k));
    p.comma_before_quote = true;
  }
  return static_cast<std::size_t>(-1);
}

// ipadic has そうですね (and a few more like it) as one filler, the word that agrees or buys
// time (そうですね、…), and takes it so even right after a plain form (継がれたそうですね), where
// it is the hearsay そうだ with its copula and final particle. There the filler is read again as
// そう + what follows it, so that the hearsay is seen as after any other plain form.
void split_hearsay_filler(Predicate& p) {
  for (std::size_t k = 1; k < p.morphs.size(); ++k) {
    const Morph& x = p.morphs[k];
    const Morph& pv = p.morphs[k - 1];
    if (x.pos != Pos::filler || !x.surface.starts_with("そう") || x.surface.size() <= std::string_view("そう").size())
      continue;
    bool plain = pv.cform == "基本形" && (pv.pos == Pos::verb || pv.pos == Pos::adjective ||
                                         (pv.pos == Pos::auxiliary && (pv.base == "た" || pv.base == "だ" || pv.base == "ない" ||
                                                                       pv.base == "ぬ" || pv.base == "ん")));
    if (!plain) continue;
    constexpr std::size_t so = std::string_view("そう").size();
    std::vector<Morph> rest;
    analyse_morphs(x.surface.substr(so), rest);
    if (rest.empty() || rest.front().pos != Pos::auxiliary) continue;
    Morph sou = x;
    sou.surface = x.surface.substr(0, so);
    sou.end = x.begin + so;
    sou.pos = Pos::noun;
    sou.pos1 = "特殊";
    sou.pos2 = "助動詞語幹";
    sou.ctype = sou.cform = "*";
    sou.base = "そう";
    for (auto& r : rest) {
      r.begin += sou.end;
      r.end += sou.end;
    }
    rest.insert(rest.begin(), sou);
    p.morphs.erase(p.morphs.begin() + static_cast<std::ptrdiff_t>(k));
    p.morphs.insert(p.morphs.begin() + static_cast<std::ptrdiff_t>(k), rest.begin(), rest.end());
    return;
  }
}

// ipadic reads と after some nouns as the particle that joins nouns (調査中と, as in AとB),
// even where a predicate follows it (調査中と回答した, 対応中と明らかにした): nouns joined by と
// go on as a noun phrase, so before a verb, a noun + する or an adjectival noun + にする the
// particle is the quotative (or the partner's) と, read as the case particle.
void read_to_before_predicate(Predicate& p) {
  auto& m = p.morphs;
  for (std::size_t k = 0; k + 1 < m.size(); ++k) {
    if (!(m[k].pos == Pos::particle && m[k].surface == "と" && m[k].pos1 == "並立助詞")) continue;
    const Morph& a = m[k + 1];
    const Morph* b = k + 2 < m.size() ? &m[k + 2] : nullptr;
    const Morph* c = k + 3 < m.size() ? &m[k + 3] : nullptr;
    bool verb = a.pos == Pos::verb && a.pos1 == "自立";
    bool suru = a.pos == Pos::noun && a.pos1 == "サ変接続" && b && b->pos == Pos::verb && b->base == "する";
    bool ni_suru = a.pos == Pos::noun && a.pos1 == "形容動詞語幹" && b && b->surface == "に" && c && c->pos == Pos::verb &&
                   c->base == "する";
    if (verb || suru || ni_suru) m[k].pos1 = "格助詞";
  }
}

void read_ii_as_adjective(Predicate& p, bool comma_after) {
  // …相談するといいでしょう: いい before です/でしょう or a final particle is the adjective
  // (good), never the stem of 言う, which would take ます. At the end of a clause that goes on
  // after a comma (…があるといい、…) it is the continuative of 言う, the news style's …といい、.
  for (std::size_t k = 0; k < p.morphs.size(); ++k) {
    Morph& m = p.morphs[k];
    if (!(m.surface == "いい" && m.pos == Pos::verb && m.base == "いう")) continue;
    const Morph* nx = k + 1 < p.morphs.size() ? &p.morphs[k + 1] : nullptr;
    bool adjective = !nx ? !comma_after
                         : (nx->pos == Pos::auxiliary && (nx->base == "です" || nx->base == "だ")) ||
                               (nx->pos == Pos::particle && nx->pos1 == "終助詞");
    if (!adjective) continue;
    m.pos = Pos::adjective;
    m.pos1 = "自立";
    m.pos2 = "*";
    m.ctype = "形容詞・イイ";
    m.cform = "基本形";
    m.base = "いい";
  }
}

// The predicate's chunk (Predicate::head), or false when the window has none.
bool find_head(Predicate& p) {
  // The predicate: the last chunk with a content word (a trailing symbol chunk is skipped).
  for (int k = static_cast<int>(p.chunks.size()); k-- > 0;) {
    auto kind = p.chunks[k].kind;
    if (kind == Chunk::Kind::noun || kind == Chunk::Kind::verb || kind == Chunk::Kind::adjective) {
      p.head = k;
      break;
    }
    if (kind == Chunk::Kind::adverb && !p.chunks[k].tail.empty() && k + 1 >= static_cast<int>(p.chunks.size())) {
      p.chunks[k].kind = Chunk::Kind::noun;
      p.head = k;
      break;
    }
    if (kind != Chunk::Kind::symbol && kind != Chunk::Kind::adverb) break;
  }
  if (p.head < 0) return false;
  // 聞いたことがある: the predicate is the verb before こと, with an experience.
  if (p.head > 0 && (p.chunks[p.head].lemma == "ある" || p.chunks[p.head].lemma == "ない")) {
    const Chunk& prev = p.chunks[p.head - 1];
    if (prev.kind == Chunk::Kind::verb &&
        (prev.tail.ends_with("たことが") || prev.tail.ends_with("たことも") || prev.tail.ends_with("だことが"))) {
      p.experience = true;
      p.head -= 1;
    }
  }
  p.found = true;
  {
    const Chunk& h = p.chunks[p.head];
    for (std::size_t k = h.first; k < h.content_end; ++k)
      if (p.morphs[k].pos == Pos::verb && p.morphs[k].base == "できる" && k > h.first) p.potential = true;
    if (h.lemma == "言える" || h.lemma == "いえる") p.potential = true;
  }
  return true;
}

// The quotative chunk k before the predicate: what the quotation ends with (a bracket, a
// volitional, a wish, a noun) and whether it describes a noun rather than completes the verb.
void read_quotation(Predicate& p, int k) {
  const Chunk& c = p.chunks[k];
  p.quote = k;
  // という/との before a noun that is not the predicate: the quotation describes that noun
  // (「…」という見出しを目にする), it is not the verb's complement.
  std::string_view qp = c.quote_particle;
  if ((qp == "という" || qp == "といった" || qp == "との" || qp == "っていう" || qp == "などという") && k + 1 < p.head)
    p.quote_attributive = true;
  const auto& m = p.morphs;
  // What precedes the particle.
  std::size_t q = c.last;
  while (q > c.content_end && !(quotative_particle(m[q - 1]))) --q;
  std::size_t before_particle = q >= 1 ? q - 1 : c.first;  // index of the particle
  if (c.quote_particle.starts_with("など") && before_particle > c.first) --before_particle;
  if (before_particle == c.first && c.content_end == c.first && k > 0 && p.chunks[k - 1].kind == Chunk::Kind::symbol &&
      is_close_bracket(at(p.chunks[k - 1].lemma, 0)))
    p.quote_after_bracket = true;
  if (before_particle > 0) {
    const Morph& pm = m[before_particle - 1];
    if (before_particle - 1 < c.first && pm.pos == Pos::symbol && is_close_bracket(at(pm.surface, 0)))
      p.quote_after_bracket = true;
    if (before_particle - 1 >= c.first) {
      // A final particle mused over before と (やろうかなと, 知ってほしいなと, 行きたいなと) leaves
      // the volitional or the wish it follows: the intention is the same.
      std::size_t w = before_particle - 1;
      while (w > c.first && m[w].pos == Pos::particle &&
             (m[w].pos1 == "終助詞" || m[w].surface == "か" || m[w].pos1 == "副助詞／並立助詞／終助詞") &&
             (m[w].surface == "な" || m[w].surface == "なあ" || m[w].surface == "か" || m[w].surface == "ね"))
        --w;
      if (w != before_particle - 1 && !(m[w].pos == Pos::auxiliary || m[w].pos == Pos::adjective)) w = before_particle - 1;
      const Morph& wm = m[w];
      bool conjecture = w > c.first && (m[w - 1].base == "だ" || m[w - 1].base == "です" || m[w - 1].base == "ある");
      if (wm.pos == Pos::auxiliary && (wm.base == "う" || wm.base == "よう") && !conjecture) p.quote_after_volitional = true;
      if ((wm.pos == Pos::auxiliary && wm.base == "たい") || (wm.pos == Pos::adjective && wm.base == "ほしい"))
        p.quote_after_wish = true;
      // いただければと思います, いただけたらと思います: a condition wished for, a polite request
      if (pm.pos == Pos::particle && pm.surface == "ば") p.quote_after_wish = true;
      if (pm.pos == Pos::auxiliary && (pm.surface == "たら" || pm.surface == "だら")) p.quote_after_wish = true;
      if (pm.pos == Pos::noun && before_particle == c.content_end) p.quote_after_noun = true;
    }
  }
}

// 価格と発売日が発表された, 価格と仕様を公表した: と right after a bare noun, before a noun
// that takes を, or が in the passive (the thing announced), joins the two nouns: the verb
// already has what it announces, the と quotes nothing. (事故の原因は速度超過と警察はみて
// いる: a topic or an active subject between them leaves the quotation.)
bool coordinating_to(const Predicate& p, int k) {
  const Chunk& c = p.chunks[k];
  if (c.quote_particle != "と" || !c.focus.empty() || k + 1 >= p.head) return false;
  const Chunk& nx = p.chunks[k + 1];
  if (nx.kind != Chunk::Kind::noun || !(nx.particle == "を" || (nx.particle == "が" && p.passive))) return false;
  if (c.content_end + 1 != c.last) return false;  // the noun, then と alone
  const Morph& before_to = p.morphs[c.content_end - 1];
  return before_to.pos == Pos::noun && before_to.pos1 != "形容動詞語幹" && before_to.pos1 != "ナイ形容詞語幹";
}

void read_arguments(Predicate& p) {
  // Arguments before the predicate, nearest first: adverbial chunks are passed over; the
  // chunk with the quotative particle ends the search (what precedes it is the quotation's).
  for (int k = p.head - 1; k >= 0; --k) {
    const Chunk& c = p.chunks[k];
    if (c.kind == Chunk::Kind::symbol) {
      if (k + 1 <= p.head && p.quote < 0) {
        // A closing bracket right before the quotative chunk: handled below.
      }
      break;
    }
    if (c.quotative && c.quote_particle == "として") {
      // として after a noun or a bracket means "as" (一時金として), an adverbial: passed over.
      std::size_t q = c.last;
      while (q > c.content_end && !quotative_particle(p.morphs[q - 1])) --q;
      const Morph* pm = q >= 2 && q - 2 >= c.first ? &p.morphs[q - 2] : nullptr;
      if (!pm || !(pm->pos == Pos::verb || pm->pos == Pos::adjective || pm->pos == Pos::auxiliary)) continue;
    }
    if (c.quotative && coordinating_to(p, k)) {
      p.chunks[k].quotative = false;  // (a particle that joins, for every rule after this one)
      p.chunks[k].quote_particle.clear();
      continue;
    }
    if (c.quotative) {
      read_quotation(p, k);
      break;
    }
    if (c.kind == Chunk::Kind::adverb) continue;
    // An adjective in the continuative (数多く寄せられる, 強く求める) modifies the verb.
    if (c.kind == Chunk::Kind::adjective && c.tail.empty() && p.morphs[c.last - 1].cform.starts_with("連用")) continue;
    if ((c.kind == Chunk::Kind::verb || c.kind == Chunk::Kind::adjective) && c.tail.empty()) {
      // A bare する/いう between an attributive quotation and its noun (とするデマ) is passed
      // over; any other bare predicate opens a relative clause: the arguments end there.
      if ((c.lemma == "する" || c.lemma == "いう" || c.lemma == "言う") && k > 0 && p.chunks[k - 1].quotative) continue;
      break;
    }
    if (c.tail.ends_with("だけで") || c.tail.ends_with("ので") || c.tail.ends_with("のに") || c.tail.ends_with("ば") ||
        c.tail.ends_with("から") || c.tail.ends_with("けど") || c.tail.ends_with("たら"))
      break;
    if (c.particle == "が" || c.particle == "は" || c.particle == "も" || c.particle == "すら" ||
        c.particle == "さえ" || c.particle == "こそ") {
      if (p.subject < 0) p.subject = k;
    } else if (c.particle == "を") {
      if (p.object < 0) p.object = k;
    } else if (c.particle == "に") {
      if (p.complement < 0) p.complement = k;
    } else if (c.particle.empty() && c.kind == Chunk::Kind::verb && c.tail.empty()) {
      // a bare する/いう between an attributive quotation and its noun (とするデマ)
      continue;
    }
    if (p.head - k > 4) break;
  }
  // The quotation may also end at a closing bracket right before the predicate's own chunk
  // (「…」と話す where と is glued to the verb's chunk: not in ipadic, but keep the check).
}

}  // namespace

Predicate analyse_predicate(std::string_view n, std::size_t begin, std::size_t end) {
  Predicate p;
  p.begin = begin;
  p.end = end;
  if (begin >= end) return p;
  analyse_morphs(n.substr(begin, end - begin), p.morphs);
  for (auto& m : p.morphs) {
    m.begin += begin;
    m.end += begin;
  }
  if (std::size_t restart = drop_commas(p); restart != static_cast<std::size_t>(-1)) return analyse_predicate(n, restart, end);
  split_hearsay_filler(p);
  read_to_before_predicate(p);
  read_ii_as_adjective(p, end < n.size() && is_comma(at(n, end)));
  p.chunks = chunk(p.morphs);
  if (!find_head(p)) return p;
  read_tail(p);
  if (p.experience) p.past = false;
  read_arguments(p);
  return p;
}

std::string describe(const Predicate& p, std::string_view n) {
  std::string out = "predicate: [" + std::string(n.substr(p.begin, p.end - p.begin)) + "]";
  if (!p.found) return out + " no predicate";
  out += " chunks:";
  for (std::size_t k = 0; k < p.chunks.size(); ++k) {
    const Chunk& c = p.chunks[k];
    out += " ";
    if (static_cast<int>(k) == p.head) out += "*";
    out += c.lemma;
    if (!c.tail.empty()) out += "+" + c.tail;
  }
  const Chunk& h = p.chunks[p.head];
  out += " | head " + h.lemma;
  if (p.passive) out += " passive";
  if (p.causative) out += " causative";
  if (p.potential) out += " potential";
  if (p.negative) out += " negative";
  if (p.past) out += " past";
  if (p.progressive) out += " progressive";
  if (p.polite) out += " polite";
  if (p.experience) out += " experience";
  if (p.prohibition) out += " prohibition";
  for (auto& mk : p.marks) out += " " + std::string(to_string(mk.what)) + "(" + std::string(n.substr(mk.begin, mk.end - mk.begin)) + ")";
  if (!p.finals.empty()) out += " finals=" + p.finals;
  if (p.quote >= 0) {
    const Chunk& q = p.chunks[p.quote];
    out += " | quote " + q.quote_particle;
    if (!q.focus.empty()) out += "+" + q.focus;
    if (p.quote_after_bracket) out += " after-bracket";
    if (p.quote_after_volitional) out += " after-volitional";
    if (p.quote_after_wish) out += " after-wish";
    if (p.quote_after_noun) out += " after-noun";
    if (p.comma_before_quote) out += " after-comma";
  }
  if (p.subject >= 0) out += " | subject " + p.chunks[p.subject].lemma + p.chunks[p.subject].particle;
  if (p.object >= 0) out += " | object " + p.chunks[p.object].lemma + "を";
  if (p.complement >= 0) out += " | complement " + p.chunks[p.complement].lemma + "に";
  return out;
}

bool conditional_tail(std::string_view tail) {
  for (std::string_view t : {"ても", "でも", "ば", "たら", "だら", "なら"})
    if (tail.ends_with(t)) return true;
  return false;
}

}  // namespace jatei::claims
