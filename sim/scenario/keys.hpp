// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <yaml-cpp/yaml.h>

#include <array>
#include <functional>
#include <set>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "spellings.hpp"
#include "tracesim/scenario/units.hpp"
#include "yaml_reader.hpp"

// The binding layer of the scenario format: a key is declared once, beside its
// meaning, unit, range or choices (in the style of SimGrid's config::Flag), in
// the file of its section (sections/*.cpp). The reader, the resolved writer
// (to_yaml) and the key paths (known_key_paths, hence the docs test) are all
// built from these declarations. Defaults are the member initialisers of the
// typed structs (model/config.hpp, scenario.hpp): a key that is absent keeps them.
namespace tracesim::scenario::detail {

enum class Style { Block, Flow };  // how the resolved writer lays out a mapping

/// What the declarations describe: every key path (known_key_paths) and the
/// declared keys themselves (declared_keys).
struct Schema {
  std::set<std::string> paths;
  std::vector<KeyInfo> keys;
  /// A path below a declared key that is not itself declared (a distribution's
  /// `dist`, a user-chosen `<name>`).
  void insert(const std::string& path) { paths.insert(path); }
};

/// One key of a mapping whose values fill an `S`.
template <class S>
struct Key {
  using Read = std::function<void(ReadContext&, const Field&, S&)>;
  using Write = std::function<void(YAML::Emitter&, const S&)>;
  using Paths = std::function<void(Schema&, const std::string&)>;

  std::string name;
  std::string doc;   // one line: what the key means
  std::string unit;  // of a bare number, as the docs' unit column gives it ("" for durations, words)
  bool is_required = false;
  Read read;                               // its value into S (empty: the mapping's `after` reads it)
  Write write;                             // the value only; write_keys writes the key
  std::function<bool(const S&)> written;   // empty: always written
  Paths sub_paths;                         // the key paths below this one (empty: none)
  std::vector<std::string> samples;        // valid values (range ends, each choice ...), for tests

  Key required() && {
    is_required = true;
    return std::move(*this);
  }
  Key in(std::string u) && {
    unit = std::move(u);
    return std::move(*this);
  }
  Key with_samples(std::vector<std::string> values) && {
    samples = std::move(values);
    return std::move(*this);
  }
  Key written_if(std::function<bool(const S&)> when) && {
    written = std::move(when);
    return std::move(*this);
  }
};

/// The keys of one mapping, in document order: the order of the docs and of the
/// resolved file.
template <class S>
struct Keys {
  std::vector<Key<S>> keys;
  /// When not empty, the order the reader takes the keys in, if it differs: it
  /// fixes the order of problems found at one position (a mapping that lacks
  /// two required keys, or a whole mapping given by one --set).
  std::vector<std::string> read_order{};
  /// Runs before the keys are read (e.g. a default that depends on presence).
  std::function<void(S&)> before{};
  /// Runs after the keys are read: rules within the mapping, or keys read together.
  std::function<void(ReadContext&, const MapReader&, S&)> after{};

  Keys(std::vector<Key<S>> k, std::vector<std::string> order = {}, std::function<void(S&)> b = {},
       std::function<void(ReadContext&, const MapReader&, S&)> a = {})
      : keys(std::move(k)), read_order(std::move(order)), before(std::move(b)), after(std::move(a)) {
    if (read_order.empty()) return;
    // A key left out of the read order would silently never be read.
    std::set<std::string> names;
    for (const auto& key : keys) names.insert(key.name);
    const std::set<std::string> ordered(read_order.begin(), read_order.end());
    if (names != ordered || ordered.size() != read_order.size())
      throw std::logic_error("scenario keys: the read order of a mapping must list each of its keys once");
  }

  [[nodiscard]] const Key<S>& operator[](const std::string& name) const {
    for (const auto& k : keys)
      if (k.name == name) return k;
    throw std::logic_error("scenario keys: no key " + name);
  }
};

// ---- Reading, writing and listing a mapping from its declaration ----------

/// Reads each key of `keys` present in `m` into `s`; reports the required ones that are absent.
template <class S>
void read_keys(ReadContext& ctx, const MapReader& m, const Keys<S>& keys, S& s) {
  if (keys.before) keys.before(s);
  auto one = [&](const Key<S>& k) {
    if (!k.read) return;  // read by the mapping's `after`, presence included
    if (m.has(k.name)) {
      k.read(ctx, m.at(k.name), s);
    } else if (k.is_required) {
      m.missing(k.name);
    }
  };
  if (keys.read_order.empty()) {
    for (const auto& k : keys.keys) one(k);
  } else {
    for (const auto& name : keys.read_order) one(keys[name]);
  }
  if (keys.after) keys.after(ctx, m, s);
}

/// Opens `f` as a mapping of `keys` and reads it; false if it is not a mapping.
template <class S>
bool read_map(ReadContext& ctx, const Field& f, const Keys<S>& keys, S& s) {
  MapReader m{ctx, f};
  if (!m.is_map()) return false;
  read_keys(ctx, m, keys, s);
  return true;
}

template <class S>
void write_keys(YAML::Emitter& out, const Keys<S>& keys, const S& s) {
  for (const auto& k : keys.keys) {
    if (k.written && !k.written(s)) continue;
    out << YAML::Key << k.name << YAML::Value;
    k.write(out, s);
  }
}

template <class S>
void write_map(YAML::Emitter& out, const Keys<S>& keys, const S& s, Style style) {
  if (style == Style::Flow) out << YAML::Flow;
  out << YAML::BeginMap;
  write_keys(out, keys, s);
  out << YAML::EndMap;
}

inline std::string join(const std::string& base, const std::string& name) {
  return base.empty() ? name : base + "." + name;
}

template <class S>
void add_paths(Schema& schema, const std::string& base, const Keys<S>& keys) {
  for (const auto& k : keys.keys) {
    const std::string p = join(base, k.name);
    schema.paths.insert(p);
    schema.keys.push_back(KeyInfo{p, k.doc, k.unit, k.is_required, k.samples});
    if (k.sub_paths) k.sub_paths(schema, p);
  }
}

// ---- Shared readers and writers of values that are not one scalar ----------

/// An hour -> weight mapping ("08:00": 0.3) into 24 slots.
void read_hourly(ReadContext& ctx, const Field& f, std::array<double, 24>& out, double max);
void write_hourly(YAML::Emitter& out, const std::array<double, 24>& w);
void write_duration_dist(YAML::Emitter& out, const model::DurationDist& d);
void write_count_dist(YAML::Emitter& out, const model::CountDist& d);
void add_duration_dist_paths(Schema& paths, const std::string& base);
void add_count_dist_paths(Schema& paths, const std::string& base);

// ---- Declaring keys ------------------------------------------------------------

/// Declares the keys of a mapping that fills an `S`. `at` is a pointer to a
/// member of S or a callable that returns a reference to the value in an S
/// (const or not), e.g. [](auto& s) -> auto& { return s.share[0]; }.
template <class S>
struct Bind {
  static Key<S> make(std::string name, std::string doc) {
    Key<S> k;
    k.name = std::move(name);
    k.doc = std::move(doc);
    return k;
  }
  template <class A>
  static auto& get(const A& at, S& s) { return std::invoke(at, s); }
  template <class A>
  static const auto& get(const A& at, const S& s) { return std::invoke(at, s); }

  /// A number in [min, max].
  template <class A>
  static Key<S> number(std::string name, A at, double min, double max, std::string doc) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = [at, min, max](ReadContext& ctx, const Field& f, S& s) {
      if (auto v = read_double(ctx, f, min, max)) get(at, s) = *v;
    };
    k.samples = {YAML::Dump(YAML::Node(min)), YAML::Dump(YAML::Node(min / 2 + max / 2)), YAML::Dump(YAML::Node(max))};
    k.write = [at](YAML::Emitter& out, const S& s) { out << get(at, s); };
    return k;
  }

  /// An integer in [min, max].
  template <class A>
  static Key<S> integer(std::string name, A at, long long min, long long max, std::string doc) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = [at, min, max](ReadContext& ctx, const Field& f, S& s) {
      using T = std::remove_cvref_t<decltype(get(at, s))>;
      if (auto v = read_int(ctx, f, min, max)) get(at, s) = static_cast<T>(*v);
    };
    k.samples = {std::to_string(min), std::to_string(min + 1), std::to_string(max)};
    k.write = [at](YAML::Emitter& out, const S& s) { out << get(at, s); };
    return k;
  }

  /// true or false.
  template <class A>
  static Key<S> flag(std::string name, A at, std::string doc) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = [at](ReadContext& ctx, const Field& f, S& s) {
      if (auto v = read_bool(ctx, f)) get(at, s) = *v;
    };
    k.samples = {"true", "false"};
    k.write = [at](YAML::Emitter& out, const S& s) { out << YAML::TrueFalseBool << get(at, s); };
    return k;
  }

  /// Free text.
  template <class A>
  static Key<S> text(std::string name, A at, std::string doc) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = [at](ReadContext& ctx, const Field& f, S& s) {
      if (auto v = read_string(ctx, f)) get(at, s) = *v;
    };
    k.samples = {"a text"};
    k.write = [at](YAML::Emitter& out, const S& s) { out << get(at, s); };
    return k;
  }

  /// A duration with units, in [min, max].
  template <class A>
  static Key<S> duration(std::string name, A at, kernel::Duration min, kernel::Duration max, std::string doc) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = [at, min, max](ReadContext& ctx, const Field& f, S& s) {
      if (auto v = read_duration(ctx, f, min, max)) get(at, s) = *v;
    };
    k.samples = {format_duration(min), format_duration(min / 2 + max / 2), format_duration(max)};
    k.write = [at](YAML::Emitter& out, const S& s) { out << format_duration(get(at, s)); };
    return k;
  }

  /// A clock time "HH:MM", as an offset from midnight.
  template <class A>
  static Key<S> clock(std::string name, A at, std::string doc) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = [at](ReadContext& ctx, const Field& f, S& s) {
      if (auto v = read_clock(ctx, f)) get(at, s) = *v;
    };
    k.samples = {"06:00", "12:00", "20:00"};
    k.write = [at](YAML::Emitter& out, const S& s) { out << format_clock(get(at, s)); };
    return k;
  }

  /// An ISO date.
  template <class A>
  static Key<S> date(std::string name, A at, std::string doc) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = [at](ReadContext& ctx, const Field& f, S& s) {
      if (auto v = read_date(ctx, f)) get(at, s) = *v;
    };
    k.samples = {"2021-03-02"};
    k.write = [at](YAML::Emitter& out, const S& s) { out << kernel::iso_date(get(at, s)); };
    return k;
  }

  /// One of `choices` (spellings.hpp).
  template <class A, class E>
  static Key<S> choice(std::string name, A at, Choices<E> choices, std::string doc) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = [at, choices](ReadContext& ctx, const Field& f, S& s) {
      if (auto c = read_choice(ctx, f, described(choices))) get(at, s) = *value_in(choices, *c);
    };
    for (const auto& c : choices) k.samples.emplace_back(c.name);
    k.write = [at, choices](YAML::Emitter& out, const S& s) { out << std::string{name_in(choices, get(at, s))}; };
    return k;
  }

  /// A duration distribution: a plain duration or {dist: LAW, ...}.
  template <class A>
  static Key<S> duration_dist(std::string name, A at, std::string doc) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = [at](ReadContext& ctx, const Field& f, S& s) {
      if (auto v = read_duration_dist(ctx, f)) get(at, s) = *v;
    };
    k.samples = {"1m", "{dist: gamma, mean: 3m, cv: 0.5}", "{dist: empirical, values: [1m, 2m], weights: [1, 3]}"};
    k.write = [at](YAML::Emitter& out, const S& s) { write_duration_dist(out, get(at, s)); };
    k.sub_paths = add_duration_dist_paths;
    return k;
  }

  /// A count distribution {dist: LAW, ...}.
  template <class A>
  static Key<S> count_dist(std::string name, A at, std::string doc) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = [at](ReadContext& ctx, const Field& f, S& s) {
      if (auto v = read_count_dist(ctx, f)) get(at, s) = *v;
    };
    k.samples = {"{dist: fixed, value: 3}", "{dist: negative_binomial, mean: 2, dispersion: 0.5}",
                 "{dist: table, probabilities: [0.5, 0.5]}"};
    k.write = [at](YAML::Emitter& out, const S& s) { write_count_dist(out, get(at, s)); };
    k.sub_paths = add_count_dist_paths;
    return k;
  }

  /// Weights by hour of day ("08:00": 2), each in [0, max].
  template <class A>
  static Key<S> hourly(std::string name, A at, double max, std::string doc) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = [at, max](ReadContext& ctx, const Field& f, S& s) { read_hourly(ctx, f, get(at, s), max); };
    k.samples = {"{'09:00': 2}"};
    k.write = [at](YAML::Emitter& out, const S& s) { write_hourly(out, get(at, s)); };
    k.sub_paths = [](Schema& p, const std::string& base) { p.insert(base + ".<name>"); };
    return k;
  }

  /// A nested mapping declared by `keys`.
  template <class A, class T>
  static Key<S> mapping(std::string name, A at, const Keys<T>& keys, Style style, std::string doc) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = [at, &keys](ReadContext& ctx, const Field& f, S& s) { read_map(ctx, f, keys, get(at, s)); };
    k.write = [at, &keys, style](YAML::Emitter& out, const S& s) { write_map(out, keys, get(at, s), style); };
    k.sub_paths = [&keys](Schema& p, const std::string& base) { add_paths(p, base, keys); };
    return k;
  }

  /// A list of mappings declared by `keys`, one item each; `init` sets an item's
  /// defaults from its index, `if_empty` is the message for an empty list (none: allowed).
  template <class A, class T>
  static Key<S> list(std::string name, A at, const Keys<T>& keys, std::string doc,
                     std::type_identity_t<std::function<void(T&, std::size_t)>> init = {},
                     std::string if_empty = {}) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = [at, &keys, init, if_empty](ReadContext& ctx, const Field& f, S& s) {
      if (!expect_sequence(ctx, f)) return;
      if (!if_empty.empty() && f.node.size() == 0) ctx.error(f.node, f.path, if_empty);
      for (std::size_t i = 0; i < f.node.size(); ++i) {
        MapReader m{ctx, f.item(i)};
        if (!m.is_map()) continue;
        T item{};
        if (init) init(item, i);
        read_keys(ctx, m, keys, item);
        get(at, s).push_back(std::move(item));
      }
    };
    k.write = [at, &keys](YAML::Emitter& out, const S& s) {
      out << YAML::BeginSeq;
      for (const auto& item : get(at, s)) write_map(out, keys, item, Style::Flow);
      out << YAML::EndSeq;
    };
    k.sub_paths = [&keys](Schema& p, const std::string& base) { add_paths(p, base + "[]", keys); };
    return k;
  }

  /// A key read and written by functions of its own (a one-of, a shorthand, a
  /// mapping whose keys the user names); `paths` lists the key paths below it.
  static Key<S> custom(std::string name, typename Key<S>::Read read, typename Key<S>::Write write,
                       std::string doc, typename Key<S>::Paths paths = {}) {
    Key<S> k = make(std::move(name), std::move(doc));
    k.read = std::move(read);
    k.write = std::move(write);
    k.sub_paths = std::move(paths);
    return k;
  }
};

}  // namespace tracesim::scenario::detail
