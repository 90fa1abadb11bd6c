// Aliases in brackets (either side a name already found), products named in brackets after a
// product noun, Latin model names.
#include <algorithm>

#include "claims/names.hpp"

namespace jatei::claims::names {
namespace {

using detail::make;

class ProductRules : NameRules {
 public:
  using NameRules::NameRules;
  void run() {
    aliases();
    products();
    model_names();
  }

 private:
  // 8. Aliases: X(Y) where one side is a name: 台湾積体電路製造(TSMC), Stargate(スターゲート)
  void aliases() {
    std::string_view n = n_;
    each_parenthesis([&](std::size_t k, std::size_t close) {
      std::size_t ib = k + 1, ie = close;
      std::size_t ob = run_start(n, k, org_c);
      if (ob == k || ie <= ib) return;
      if (!all_of_chars(n.substr(ib, ie - ib), org_c)) return;
      const Named* inner = nullptr;
      const Named* outer = nullptr;
      for (auto& x : named_) {
        if (x.b == ib && x.e == ie) inner = &x;
        if (x.e == k && x.b >= ob) outer = &x;
      }
      if (inner && inner->element == "persName") inner = nullptr;
      if (outer && outer->element == "persName") outer = nullptr;
      // (A place's brackets hold a note, a reading or a credit: 中央区(市提供), not its alias.)
      if (inner && inner->element == "placeName") inner = nullptr;
      if (outer && outer->element == "placeName") outer = nullptr;
      if (ends_with_any(n.substr(ib, ie - ib), w_.seat_suffixes)) return;  // a seat (7. above), not an alias
      if (inner && !outer && !is_named(ob, k) && text::length(n.substr(ob, k - ob)) <= 20) {
        Named copy = *inner;
        name(ob, k, copy.element, copy.type);
      } else if (outer && !inner && !is_named(ib, ie) && text::length(n.substr(ib, ie - ib)) <= 20) {
        Named copy = *outer;
        name(ib, ie, copy.element, copy.type);
      }
    });
  }

  // 9. Products named in brackets after a product noun: チップ「Willow」, 推論AI「o3-mini」
  void products() {
    std::string_view n = n_;
    if (n.find("「") == std::string_view::npos) return;
    for (auto& pn : w_.product_nouns) {
      for (std::size_t k = 0; (k = n.find(pn, k)) != std::string_view::npos; k += pn.size()) {
        std::size_t b = k + pn.size();
        if (!starts_with(n, b, "「")) continue;
        std::size_t close = n.find("」", b);
        if (close == std::string_view::npos) continue;
        std::size_t ib = b + 3;
        std::string_view inner = n.substr(ib, close - ib);
        if (inner.empty() || text::length(inner) > 24 || inner.find('(') != std::string_view::npos ||
            inner.find("、") != std::string_view::npos || inner.find("。") != std::string_view::npos)
          continue;
        if (is_named(ib, close)) continue;
        name(ib, close, "name", "product");
      }
    }
  }

  // 10. Latin model names: DeepSeek-R1, o3-mini, MS-1, GPT-4
  void model_names() {
    std::string_view n = n_;
    for (std::size_t i = 0; i < n.size();) {
      char32_t c = at(n, i);
      if (!is_ascii_alpha(c) || latin_or_digit(before(n, i)) || detail::inside(tech_, i)) {
        i = next(n, i);
        continue;
      }
      std::size_t e = i;
      bool digit = false, hyphen = false;
      while (e < n.size()) {
        char32_t d = at(n, e);
        if (latin_or_digit(d)) {
          digit = digit || is_ascii_digit(d);
          ++e;
        } else if (d == '-' && e + 1 < n.size() && latin_or_digit(at(n, e + 1))) {
          hyphen = true;
          ++e;
        } else {
          break;
        }
      }
      if (digit && hyphen && !is_named(i, e)) name(i, e, "name", "product");
      i = e;
    }
  }
};

}  // namespace

void name_products(NameState& s) { ProductRules(s).run(); }

}  // namespace jatei::claims::names
