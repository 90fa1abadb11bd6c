// Where a sentence stands in the discourse (discourse.hpp): in a turn that asks (an
// interviewer, a moderator, a reporter), or under the heading of a procedure.
#include <map>

#include "claims/discourse.hpp"
#include "jatei/text.hpp"

namespace jatei::claims {

namespace {

// A speaker label without its marks: 【森】 → 森, 司会： → 司会, ―― → ―, （記者） → 記者.
std::string trim_label(std::string_view label) {
  std::string l = normalise(label).text;
  std::string_view v = l;
  auto strip = [](std::string_view x) {
    static const std::string_view marks[] = {" ", ":", "【", "】", "(", ")", "[", "]", "「", "」", "<", ">", "○", "◆", "◎", "・"};
    bool again = true;
    while (again && !x.empty()) {
      again = false;
      for (auto m : marks) {
        if (x.starts_with(m)) x.remove_prefix(m.size()), again = true;
        if (x.ends_with(m)) x.remove_suffix(m.size()), again = true;
      }
    }
    return x;
  };
  v = strip(v);
  if (v.starts_with("―") || v.starts_with("—") || v.starts_with("─")) return "Q";
  return std::string(v);
}

// The label at the start of a paragraph's first sentence, where no speaker stage moved it.
// `whole`: the normalised sentence, which is the normalised start when the sentence is no longer.
bool leading_label_asks(std::string_view text, const Normalised& whole, const Lexicon& lex) {
  std::string n;
  if (text.size() > 96) n = normalise(text.substr(0, 96)).text;
  std::string_view v = text.size() > 96 ? std::string_view(n) : std::string_view(whole.text);
  while (!v.empty() && (v[0] == ' ')) v.remove_prefix(1);
  if (v.starts_with("――") || v.starts_with("――") || v.starts_with("——") || v.starts_with("──") || v.starts_with("―"))
    return true;
  if (v.size() > 2 && v[0] == 'Q' && (v[1] == '.' || v[1] == ':' || (v[1] >= '0' && v[1] <= '9'))) return true;
  // [00:12:40] ホスト・岡田：
  if (!v.empty() && (v[0] == '[' || v[0] == '(')) {
    std::size_t close = v.find(v[0] == '[' ? ']' : ')');
    if (close != std::string_view::npos && close < 14 && v.substr(1, close - 1).find(':') != std::string_view::npos) {
      v.remove_prefix(close + 1);
      while (!v.empty() && v[0] == ' ') v.remove_prefix(1);
    }
  }
  // 【司会】 （記者） [司会]
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"【", "】"}, {"(", ")"}, {"[", "]"}}) {
    if (v.starts_with(open)) {
      std::size_t c = v.find(close);
      if (c != std::string_view::npos && c < 40) return asks(trim_label(v.substr(0, c + close.size())), lex);
    }
  }
  std::size_t colon = v.find(':');
  if (colon != std::string_view::npos && colon < 40) return asks(trim_label(v.substr(0, colon)), lex);
  return false;
}

}  // namespace

std::vector<char> asking_turns(const Document& doc, const Pass& pass, const Lexicon& lex) {
  const std::vector<Ref>& refs = pass.refs;
  std::vector<char> askers(refs.size(), 0);
  std::map<std::string, std::string, std::less<>> roles;
  for (auto& person : doc.header.persons) roles["#" + person.id] = person.role;
  const Leaf* leaf = nullptr;
  bool leaf_asks = false;
  for (std::size_t k = 0; k < refs.size(); ++k) {
    const Ref& r = refs[k];
    if (r.turn->spoken()) {
      auto it = roles.find(r.turn->who);
      bool by_role = it != roles.end() && asks(it->second, lex);
      bool by_label = r.turn->speaker && asks(trim_label(*r.turn->speaker), lex);
      askers[k] = by_role || by_label;
      if (askers[k]) continue;
    }
    if (r.leaf != leaf) {
      leaf = r.leaf;
      leaf_asks = leading_label_asks(r.s->text, pass.norms[k], lex);
    }
    askers[k] = askers[k] || leaf_asks;
  }
  return askers;
}

// (A heading: a head block, or a paragraph of one short sentence without a full stop; a
// procedure's heading names one: 作り方, 手順, ### 通知の設定.)
std::vector<char> procedure_steps(const Pass& pass, const Lexicon& lex, bool& under) {
  const std::vector<Ref>& refs = pass.refs;
  std::vector<char> procedure(refs.size(), 0);
  const Leaf* leaf = nullptr;
  for (std::size_t k = 0; k < refs.size(); ++k) {
    const Ref& r = refs[k];
    if (r.leaf == leaf) {
      procedure[k] = under;
      continue;
    }
    leaf = r.leaf;
    std::string_view t = pass.norms[k].text;
    bool heading_line = r.block->kind == BlockKind::head ||
                        (r.leaf->pieces.size() == 1 && text::length(t) <= 24 && !t.ends_with("。") && !t.ends_with("!") &&
                         !t.ends_with("?"));
    if (heading_line) {
      under = false;
      for (auto* c : lex.of_kind("procedure"))
        if (t.find(c->expression) != std::string_view::npos) under = true;
      continue;
    }
    procedure[k] = under;
  }
  return procedure;
}

}  // namespace jatei::claims
