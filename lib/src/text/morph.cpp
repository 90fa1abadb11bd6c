// MeCab behind a small interface: one model for the process, a tagger and a lattice per thread.
#include "text/morph.hpp"

#include <mecab.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/data_files.hpp"
#include "jatei/error.hpp"

#ifndef JATEI_MECAB_DICDIR
#define JATEI_MECAB_DICDIR "/var/lib/mecab/dic/ipadic-utf8"
#endif

namespace jatei::text {
namespace {

std::string dicdir() {
  if (const char* env = std::getenv("JATEI_MECAB_DICDIR"); env && *env) return env;
  return JATEI_MECAB_DICDIR;
}

struct Shared {
  std::string dir;
  std::unique_ptr<MeCab::Model> model;
  std::string error;
};

const Shared& shared() {
  static const Shared s = [] {
    Shared out;
    out.dir = dicdir();
    if (!data::file_exists(out.dir + "/sys.dic")) {
      out.error = "the MeCab dictionary is missing: no sys.dic in " + out.dir +
                  " (install the Debian packages libmecab2 and mecab-ipadic-utf8, or set JATEI_MECAB_DICDIR to an "
                  "IPA dictionary in UTF-8)";
      return out;
    }
    std::string arg = "-d " + out.dir;
    out.model.reset(MeCab::createModel(arg.c_str()));
    if (!out.model) {
      const char* why = MeCab::getLastError();
      out.error = "cannot load the MeCab dictionary in " + out.dir + ": " + (why ? why : "unknown error");
      return out;
    }
    const MeCab::DictionaryInfo* info = out.model->dictionary_info();
    if (info && info->charset && std::string_view(info->charset) != "utf-8" && std::string_view(info->charset) != "UTF-8" &&
        std::string_view(info->charset) != "utf8") {
      out.error = "the MeCab dictionary in " + out.dir + " is in " + info->charset +
                  "; jatei needs one in UTF-8 (mecab-ipadic-utf8)";
      out.model.reset();
    }
    return out;
  }();
  return s;
}

struct PerThread {
  std::unique_ptr<MeCab::Tagger> tagger;
  std::unique_ptr<MeCab::Lattice> lattice;
};

Pos pos_of(std::string_view p) {
  // The ipadic part-of-speech names, in UTF-8.
  if (p == "名詞") return Pos::noun;
  if (p == "動詞") return Pos::verb;
  if (p == "形容詞") return Pos::adjective;
  if (p == "助動詞") return Pos::auxiliary;
  if (p == "助詞") return Pos::particle;
  if (p == "副詞") return Pos::adverb;
  if (p == "連体詞") return Pos::adnominal;
  if (p == "接続詞") return Pos::conjunction;
  if (p == "感動詞") return Pos::interjection;
  if (p == "接頭詞") return Pos::prefix;
  if (p == "記号") return Pos::symbol;
  if (p == "フィラー") return Pos::filler;
  return Pos::other;
}

}  // namespace

std::string morph_dictionary() { return shared().dir; }

MorphCost& morph_cost() {
  thread_local MorphCost cost;
  return cost;
}

void analyse_morphs(std::string_view text, std::vector<Morph>& out) {
  out.clear();
  const Shared& s = shared();
  if (!s.model) throw IoError(s.error, exit_noinput);
  thread_local PerThread t;
  if (!t.tagger) {
    t.tagger.reset(s.model->createTagger());
    t.lattice.reset(s.model->createLattice());
    if (!t.tagger || !t.lattice) throw IoError("cannot start a MeCab tagger on " + s.dir, exit_software);
  }
  if (text.empty()) return;
  // The same window again (a site's furniture, a repeated line, the same predicate ending): its
  // analysis is copied, with the surfaces pointed at the new text. The cache is per thread and
  // starts over when it holds kCacheEntries windows.
  constexpr std::size_t kCacheEntries = 1 << 16;
  // (Looked up by the view itself: no copy of the window to find it.)
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view v) const noexcept { return std::hash<std::string_view>{}(v); }
  };
  thread_local std::unordered_map<std::string, std::vector<Morph>, Hash, std::equal_to<>> cache;
  MorphCost& cost = morph_cost();
  // Views into the analysed text (surfaces, the base form of an unknown word) are moved from
  // one buffer to another of the same bytes.
  auto rebase = [](std::vector<Morph>& ms, std::string_view from, std::string_view to) {
    auto move = [&](std::string_view& v) {
      if (v.data() >= from.data() && v.data() + v.size() <= from.data() + from.size())
        v = to.substr(static_cast<std::size_t>(v.data() - from.data()), v.size());
    };
    for (auto& m : ms) {
      move(m.surface);
      move(m.base);
    }
  };
  static const bool use_cache = [] {
    const char* e = std::getenv("JATEI_CLAIMS_CACHE");
    return !(e && std::string_view(e) == "0");
  }();
  if (use_cache)
    if (auto it = cache.find(text); it != cache.end()) {
      out = it->second;
      rebase(out, it->first, text);
      ++cost.cached;
      return;
    }
  auto start = std::chrono::steady_clock::now();
  t.lattice->set_sentence(text.data(), text.size());
  if (!t.tagger->parse(t.lattice.get())) throw IoError(std::string("MeCab: ") + t.lattice->what(), exit_software);
  for (const MeCab::Node* n = t.lattice->bos_node(); n; n = n->next) {
    if (n->stat == MECAB_BOS_NODE || n->stat == MECAB_EOS_NODE) continue;
    Morph m;
    m.begin = static_cast<std::size_t>(n->surface - text.data());
    m.end = m.begin + n->length;
    m.surface = text.substr(m.begin, n->length);
    // feature: pos,pos1,pos2,pos3,ctype,cform,base[,reading,pronunciation]; the first seven
    // fields, read up to the seventh comma (not measured to its end first).
    std::string_view fields[7];
    std::size_t k = 0;
    for (const char* a = n->feature; k < 7;) {
      const char* c = a;
      while (*c && *c != ',') ++c;
      fields[k++] = std::string_view(a, static_cast<std::size_t>(c - a));
      if (!*c) break;
      a = c + 1;
    }
    m.pos = pos_of(fields[0]);
    m.pos1 = fields[1];
    m.pos2 = fields[2];
    m.ctype = fields[4];
    m.cform = fields[5];
    m.base = (k >= 7 && fields[6] != "*") ? fields[6] : m.surface;
    out.push_back(m);
  }
  if (use_cache) {
    if (cache.size() >= kCacheEntries) cache.clear();
    auto [slot, added] = cache.emplace(std::string(text), out);
    if (added) rebase(slot->second, text, slot->first);
  }
  ++cost.calls;
  cost.bytes += text.size();
  cost.nanoseconds +=
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace jatei::text
