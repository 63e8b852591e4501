// SPDX-License-Identifier: Apache-2.0
// Loading a scenario: parse, apply overrides, read every key as its section
// declares it (sections/*.cpp), then the cross-key rules (validate.cpp).
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "overrides.hpp"
#include "tracesim/scenario/cases_csv.hpp"
#include "tracesim/scenario/initial_state_csv.hpp"
#include "schema.hpp"
#include "sections.hpp"
#include "tracesim/scenario/document.hpp"
#include "tracesim/scenario/scenario.hpp"
#include "yaml_reader.hpp"

namespace tracesim::scenario {

using detail::Field;
using detail::MapReader;
using detail::ReadContext;

namespace {

Scenario read_document(const YAML::Node& root, ReadContext& ctx) {
  Scenario sc;
  MapReader top{ctx, Field{root, "", ""}};
  if (!top.is_map()) throw ScenarioError(ctx.diags);
  detail::read_keys(ctx, top, detail::document_keys(), sc);
  return sc;
}

YAML::Node parse_yaml(const std::string& text, const std::string& name);

Scenario load_node(const std::string& text, const std::string& name, const std::vector<Override>& overrides,
                   const std::filesystem::path& base_dir) {
  YAML::Node root = parse_yaml(text, name);
  ReadContext ctx{name, {}, overrides, {}, base_dir};
  detail::check_structure(ctx, root);
  if (!ctx.diags.empty()) {
    sort_by_position(ctx.diags);
    throw ScenarioError(std::move(ctx.diags));  // a repeated or unnamed key: nothing is read
  }
  for (const Override& o : overrides) detail::apply_override(root, o);
  Scenario sc = read_document(root, ctx);
  if (!ctx.diags.empty()) {
    sort_by_position(ctx.diags);
    throw ScenarioError(std::move(ctx.diags));  // no cross-field cascades on top of parse errors
  }
  Diagnostics semantic = validate(sc);
  for (Diagnostic& d : semantic) {
    if (d.file.empty()) d.file = name;
    ctx.locate(d);
  }
  if (!semantic.empty()) throw ScenarioError(std::move(semantic));
  if (!sc.platform.initial_state_file.empty()) {  // read against the whole scenario: its segments, rules, calendar
    Diagnostics state;
    sc.platform.initial_state = read_initial_state(sc.platform.initial_state_file, sc.platform, state);
    if (!state.empty()) throw ScenarioError(std::move(state));
  }
  if (sc.changes.empty()) return sc;
  auto fresh_tree = [&] {
    YAML::Node tree = parse_yaml(text, name);
    for (const Override& o : overrides) detail::apply_override(tree, o);
    return tree;
  };
  Diagnostics dated = detail::read_epochs(root, fresh_tree, read_document, ctx, sc);
  if (!dated.empty()) {
    sort_by_position(dated);
    throw ScenarioError(std::move(dated));
  }
  return sc;
}

YAML::Node parse_yaml(const std::string& text, const std::string& name) {
  try {
    return YAML::Load(text);  // the first document only: see refuse_second_document
  } catch (const YAML::Exception& e) {
    if (e.mark.is_null()) throw ScenarioError({Diagnostic{name, 0, 0, "", "malformed YAML: " + e.msg}});
    throw ScenarioError({Diagnostic{name, e.mark.line + 1, e.mark.column + 1, "", "malformed YAML: " + e.msg}});
  }
}

// Notes where the second non-empty document of a stream starts.
class DocumentCounter : public YAML::EventHandler {
 public:
  int documents = 0;         // documents with a root value
  bool empty_root = false;   // the last document had none
  YAML::Mark second{YAML::Mark::null_mark()};

  void OnDocumentStart(const YAML::Mark& mark) override {
    start_ = mark;
    depth_ = 0;
    empty_root = true;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { root(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string&) override { root(m); }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    root(m);
    ++depth_;
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    root(m);
    ++depth_;
  }
  void OnMapEnd() override { --depth_; }

 private:
  void root(const YAML::Mark& m) {
    if (depth_ != 0) return;
    empty_root = false;
    if (++documents == 2) second = m;
  }
  YAML::Mark start_{YAML::Mark::null_mark()};
  int depth_ = 0;
};

// A second YAML document would be silently ignored: refuse it. YAML::LoadAll
// is not used: in yaml-cpp 0.7 it loops forever, allocating, on a stray ','
// (yaml-cpp issue 1040, fixed upstream by PR 1319). Here the stream is walked
// document by document and the walk stops at the first empty one.
void refuse_second_document(const std::string& text, const std::string& name) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentCounter counter;
  try {
    while (counter.documents < 2 && parser.HandleNextDocument(counter) && !counter.empty_root) {
    }
  } catch (const YAML::Exception&) {
    return;  // malformed after the first document: parse_yaml reported what it could
  }
  if (counter.documents < 2) return;
  const YAML::Mark at = counter.second;
  throw ScenarioError({Diagnostic{name, at.is_null() ? 0 : at.line + 1, at.is_null() ? 0 : at.column + 1, "",
                                  "a second YAML document (after '---'); a scenario file holds exactly one"}});
}

}  // namespace

Override parse_override(const std::string& text) {
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    throw InputError("--set expects KEY=VALUE (for example calendar.end=2021-06-30), got '" + text + "'");
  Override o{text.substr(0, eq), text.substr(eq + 1)};
  try {
    (void)detail::split_key_path(o.path);
  } catch (const std::invalid_argument& e) {
    throw InputError("--set " + text + ": " + e.what());
  }
  return o;
}

struct Document::Parsed {
  std::string text;
  std::string name;
  std::filesystem::path base_dir;
};

Document::Document(std::shared_ptr<const Parsed> parsed) : parsed_(std::move(parsed)) {}

Document Document::from_text(const std::string& text, const std::string& name,
                             const std::filesystem::path& base_dir) {
  (void)parse_yaml(text, name);  // malformed YAML is reported now, once
  refuse_second_document(text, name);
  return Document{std::make_shared<const Parsed>(Parsed{text, name, base_dir})};
}

Document Document::from_file(const std::filesystem::path& file) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (!std::filesystem::exists(status)) throw InputError("cannot read scenario '" + file.string() + "': no such file");
  // Checked before reading: a device (/dev/zero) or a FIFO would read forever or block.
  if (!std::filesystem::is_regular_file(status))
    throw InputError("cannot read scenario '" + file.string() + "': not a regular file (a folder, device or pipe)");
  if (const auto size = std::filesystem::file_size(file, ec); !ec && size > kMaxInputFileBytes)
    throw InputError("cannot read scenario '" + file.string() + "': larger than 16 MiB; a scenario is far smaller");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError("cannot read scenario '" + file.string() + "': permission denied or unreadable");
  std::ostringstream text;
  text << in.rdbuf();
  return from_text(text.str(), file.string(), file.parent_path());
}

Scenario Document::resolve(const std::vector<Override>& variations) const {
  // The overrides need a tree of their own, and yaml-cpp's Clone drops the
  // line and column of every node; so each resolve parses the text kept in
  // memory (well under a millisecond), and the file is read only once.
  return load_node(parsed_->text, parsed_->name, variations, parsed_->base_dir);
}

const std::string& Document::name() const { return parsed_->name; }

void Document::locate(Diagnostics& diags, const std::vector<Override>& overrides) const {
  const YAML::Node root = parse_yaml(parsed_->text, parsed_->name);
  const ReadContext labels{parsed_->name, {}, overrides, {}, {}};
  for (Diagnostic& d : diags) {
    if (d.line > 0 || d.file != parsed_->name || d.path.empty()) continue;
    labels.locate(d);  // inside an override: labelled with it
    if (d.file != parsed_->name) continue;
    std::vector<std::string> parts;
    try {
      parts = detail::split_key_path(d.path);
    } catch (const std::invalid_argument&) {
      continue;
    }
    // Walk down as far as the text goes; the deepest node found is the place.
    YAML::Node node = root;
    YAML::Mark mark = root.Mark();
    for (const std::string& p : parts) {
      YAML::Node next;
      if (p.front() == '[' && node.IsSequence()) {
        const std::size_t i = std::stoul(p.substr(1, p.size() - 2));
        if (i < node.size()) next = node[i];
      } else if (p.front() != '[' && node.IsMap()) {
        for (const auto& kv : node)
          if (kv.first.IsScalar() && kv.first.Scalar() == p) next = kv.second;
      }
      if (!next.IsDefined() || next.Mark().is_null()) break;
      node.reset(next);
      mark = next.Mark();
    }
    if (!mark.is_null()) {
      d.line = mark.line + 1;
      d.column = mark.column + 1;
    }
  }
}

Scenario load_scenario_text(const std::string& text, const std::string& name,
                            const std::vector<Override>& overrides, const std::filesystem::path& base_dir) {
  return Document::from_text(text, name, base_dir).resolve(overrides);
}

Scenario load_scenario(const std::filesystem::path& file, const std::vector<Override>& overrides) {
  return Document::from_file(file).resolve(overrides);
}

std::set<std::string> known_key_paths() { return detail::schema_paths(); }

std::vector<KeyInfo> declared_keys() { return detail::schema_keys(); }

}  // namespace tracesim::scenario
