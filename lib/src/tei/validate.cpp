// libxml2 for RELAX NG (pugixml has no validation); pugixml for the reference checks.
#include "core/data_files.hpp"
#include "jatei/validate.hpp"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <limits>
#include <fstream>
#include <map>
#include <mutex>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "jatei/error.hpp"
#include "tei/xml_input.hpp"

namespace jatei {
namespace {

using data::exe_dir;
using data::file_exists;

// Collects libxml2's structured errors for one validation run.
void collect(void* ctx, xmlErrorPtr err) {
  auto* out = static_cast<std::vector<Problem>*>(ctx);
  if (!err || !err->message) return;
  std::string msg = err->message;
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  out->push_back({static_cast<std::size_t>(err->line > 0 ? err->line : 0), msg});
}

void silent(void*, xmlErrorPtr) {}

// The id and pointer checks on a parsed document.
std::vector<Problem> references_in(const pugi::xml_document& dom, std::string_view xml);

}  // namespace

std::string default_schema_path() {
  if (const char* env = std::getenv("JATEI_SCHEMA"); env && *env) return env;
  std::string build = JATEI_SCHEMA_BUILD_DIR "/jatei.rng";
  std::string installed = JATEI_SCHEMA_INSTALL_DIR "/jatei.rng";
  std::string here = exe_dir();
  // Binaries in an install prefix use the installed schema; build-tree binaries the source's.
  if (!here.empty() && file_exists(here + "/../share/jatei/schemas/jatei.rng"))
    return here + "/../share/jatei/schemas/jatei.rng";
  if (file_exists(build)) return build;
  return installed;
}

struct Validator::Impl {
  xmlRelaxNGPtr schema = nullptr;
};

Validator::Validator(const std::string& schema_path) : impl_(std::make_unique<Impl>()) {
  if (!file_exists(schema_path)) throw IoError("cannot open schema " + schema_path, exit_noinput);
  std::vector<Problem> problems;
  xmlRelaxNGParserCtxtPtr pctx = xmlRelaxNGNewParserCtxt(schema_path.c_str());
  xmlRelaxNGSetParserStructuredErrors(pctx, collect, &problems);
  impl_->schema = xmlRelaxNGParse(pctx);
  xmlRelaxNGFreeParserCtxt(pctx);
  if (!impl_->schema) {
    std::string msg = "cannot compile schema " + schema_path;
    if (!problems.empty()) msg += ": " + problems.front().message;
    throw DataError(msg);
  }
}

Validator::~Validator() {
  if (impl_ && impl_->schema) xmlRelaxNGFree(impl_->schema);
}

std::vector<Problem> Validator::validate(std::string_view xml, const std::string& name) const {
  std::vector<Problem> problems;
  // libxml2 takes the size as an int: past 2 GiB it would read a wrapped length. Said before
  // anything else, which would copy and parse the whole document first.
  if (xml.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    problems.push_back({0, "too large to validate: libxml2 reads at most 2 GiB (" + std::to_string(xml.size()) + " bytes)"});
    return problems;
  }
  // First what every reader of jatei refuses (characters XML cannot hold, entity declarations,
  // undefined entities, nesting past xml_input::kMaxDepth, a second root), so that a file this
  // passes is one the tools read, and libxml2 never meets a tree deep enough to exhaust the
  // stack in its recursive validation.
  pugi::xml_document dom;
  std::vector<char> buffer;
  try {
    xml_input::parse(xml, pugi::parse_default, buffer, dom);
  } catch (const DataError& e) {
    problems.push_back({e.line(), e.what()});
    return problems;
  }
  // No network, no DTD loading, no entity substitution.
  int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE;
  xmlSetStructuredErrorFunc(&problems, collect);
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), name.c_str(), nullptr, opts);
  xmlSetStructuredErrorFunc(nullptr, silent);
  if (!doc) {
    if (problems.empty()) problems.push_back({1, "not well-formed XML (empty document?)"});
    return problems;
  }
  xmlRelaxNGValidCtxtPtr vctx = xmlRelaxNGNewValidCtxt(impl_->schema);
  xmlRelaxNGSetValidStructuredErrors(vctx, collect, &problems);
  xmlRelaxNGValidateDoc(vctx, doc);
  xmlRelaxNGFreeValidCtxt(vctx);
  xmlFreeDoc(doc);
  auto refs = references_in(dom, xml);
  problems.insert(problems.end(), refs.begin(), refs.end());
  return problems;
}

std::vector<Problem> check_references(std::string_view xml) {
  pugi::xml_document doc;
  std::vector<char> buf(xml.begin(), xml.end());
  auto r = doc.load_buffer_inplace(buf.data(), buf.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!r) return {};  // reported by the parser already
  return references_in(doc, xml);
}

namespace {
std::vector<Problem> references_in(const pugi::xml_document& dom, std::string_view xml) {
  std::vector<Problem> problems;
  pugi::xml_node doc = dom;
  std::vector<std::size_t> line_starts{0};
  for (std::size_t i = 0; i < xml.size(); ++i)
    if (xml[i] == '\n') line_starts.push_back(i + 1);
  auto line_of = [&](pugi::xml_node n) -> std::size_t {
    auto off = static_cast<std::size_t>(n.offset_debug());
    return static_cast<std::size_t>(std::upper_bound(line_starts.begin(), line_starts.end(), off) - line_starts.begin());
  };
  std::map<std::string, std::size_t> ids;
  std::vector<std::pair<pugi::xml_node, std::string>> pointers;
  struct Walker : pugi::xml_tree_walker {
    std::function<void(pugi::xml_node)> fn;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_element) fn(n);
      return true;
    }
  } walker;
  walker.fn = [&](pugi::xml_node n) {
    if (auto id = n.attribute("xml:id")) {
      auto [it, inserted] = ids.emplace(id.value(), line_of(n));
      if (!inserted)
        problems.push_back({line_of(n), "duplicate xml:id '" + std::string(id.value()) + "' (first on line " +
                                            std::to_string(it->second) + ")"});
    } else if (std::string_view(n.name()) == "s") {
      problems.push_back({line_of(n), "<s> without xml:id"});
    }
    for (const char* attr : {"who", "target", "corresp", "ana", "ref", "resp", "source"}) {
      std::istringstream tokens(n.attribute(attr).value());
      std::string tok;
      while (tokens >> tok)
        if (tok.size() > 1 && tok[0] == '#') pointers.emplace_back(n, tok.substr(1));
    }
  };
  doc.traverse(walker);
  for (auto& [n, id] : pointers)
    if (!ids.count(id))
      problems.push_back({line_of(n), "pointer #" + id + " on <" + std::string(n.name()) + "> does not resolve"});
  return problems;
}

}  // namespace

}  // namespace jatei
