// jatei-validate: RELAX NG (schemas/jatei.rng by default) plus id and pointer checks.
#include <iostream>

#include "cli.hpp"
#include "jatei/validate.hpp"

namespace po = boost::program_options;
using namespace jatei;

int main(int argc, char** argv) {
  cli::init("jatei-validate");
  return cli::run([&] {
    std::vector<std::string> inputs;
    std::string schema;
    std::size_t max_size = cli::kDefaultMaxBytes * 4;
    po::options_description opts(cli::tr("Options"));
    opts.add_options()
      ("help,h", cli::tr("show this help and exit").c_str())
      ("version", cli::tr("show the version and exit").c_str())
      ("schema", po::value(&schema)->value_name("FILE"), cli::tr("RELAX NG schema (default: the installed schemas/jatei.rng)").c_str())
      ("quiet,q", cli::tr("print nothing for valid files").c_str());
    cli::add_max_size(opts, max_size);
    po::options_description hidden;
    hidden.add_options()("input", po::value(&inputs));
    po::positional_options_description pos;
    pos.add("input", -1);
    po::options_description all;
    all.add(opts).add(hidden);
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
    if (cli::handle_common(vm, "jatei-validate [OPTIONS] FILE...",
                           cli::tr("Validates TEI documents against the jatei profile and checks ids and pointers."),
                           opts))
      return 0;
    if (inputs.empty()) inputs.push_back("-");
    std::string schema_path = schema.empty() ? default_schema_path() : schema;
    int worst = 0;
    int rc = cli::guard(schema_path, [&] {
      Validator v(schema_path);  // compiled once for every file
      for (auto& in : inputs) {
        int r = cli::guard(in, [&] {
          // A file mapped, its pages given back as the streamed check passes them (with
          // libxml2's table of ids, the bytes would be about 4 times the file).
          cli::InputBytes bytes(in, max_size);
          auto problems = v.validate(bytes.view(), in, [&](std::size_t n) { bytes.drop_before(n); });
          std::string name = in == "-" ? "<stdin>" : in;
          for (auto& p : problems) cli::error(name, p.line, 0, p.message);
          if (!problems.empty()) return static_cast<int>(exit_data);
          if (!vm.count("quiet")) cli::write_output("-", name + ": " + cli::tr("valid") + "\n");
          return 0;
        });
        if (r == exit_data && worst == 0) worst = r;
        else if (r != 0 && r != exit_data) worst = r;
      }
      return 0;
    });
    return rc ? rc : worst;
  });
}
