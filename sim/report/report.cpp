// SPDX-License-Identifier: Apache-2.0
// Assembles the page: the data as JSON, the page's script and styles, and
// Chart.js (Debian's libjs-chart.js, embedded at build time), all inline, so
// the file opens anywhere with no network and prints as it shows.
#include "tracesim/report/report.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "assets.hpp"
#include "run_data.hpp"
#include "sweep_data.hpp"
#include "table.hpp"
#include "tracesim/output/atomic_file.hpp"
#include "tracesim/scenario/diagnostics.hpp"

namespace tracesim::report {
namespace {

// Text inside <script> must not close the element early.
std::string script_safe(std::string text) {
  for (std::size_t at = text.find("</"); at != std::string::npos; at = text.find("</", at + 3))
    text.replace(at, 2, "<\\/");
  return text;
}

std::string html_escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// A search command's answer file, drawn as it is.
nlohmann::ordered_json answer_data(const std::filesystem::path& file, const char* kind) {
  const auto answer = nlohmann::ordered_json::parse(detail::read_text(file));
  nlohmann::ordered_json data;
  data["kind"] = kind;
  data["metadata"] = {{"scenario", answer.value("scenario", std::string())}};
  data["answer"] = answer;
  return data;
}

}  // namespace

Kind kind_of(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  if (fs::exists(dir / "points.csv") && fs::exists(dir / "sweep.json")) return Kind::Sweep;
  if (fs::exists(dir / "summary.json") && fs::exists(dir / "daily.csv")) return Kind::Run;
  if (fs::exists(dir / "staff.json")) return Kind::Staff;
  if (fs::exists(dir / "calibration.json")) return Kind::Calibrate;
  throw scenario::InputError(dir.string() +
                             ": not a results folder (expected summary.json and daily.csv of a run, points.csv and "
                             "sweep.json of a sweep, staff.json of staff or calibration.json of calibrate)");
}

std::string report_html(const std::filesystem::path& dir) {
  const std::string chart_js = assets::chart_js();
  if (chart_js.empty())
    throw std::runtime_error("this tracesim was built without Chart.js: install libjs-chart.js and build again");
  const Kind kind = kind_of(dir);
  nlohmann::ordered_json data;
  try {
    switch (kind) {
      case Kind::Run: data = detail::run_data(dir); break;
      case Kind::Sweep: data = detail::sweep_data(dir); break;
      case Kind::Staff: data = answer_data(dir / "staff.json", "staff"); break;
      case Kind::Calibrate: data = answer_data(dir / "calibration.json", "calibrate"); break;
    }
  } catch (const nlohmann::json::exception& e) {
    throw scenario::InputError(dir.string() + ": a JSON file is malformed: " + e.what());
  }
  const std::string title = "tracesim " + data["kind"].get<std::string>() + ": " +
                            data["metadata"].value("scenario", std::string("scenario"));
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<meta name=\"generator\" content=\"tracesim\">\n<title>" + html_escape(title) + "</title>\n";
  // First, so errors in any later script are recorded for the page's check.
  page += "<script>window.tracesimErrors=[];window.addEventListener('error',function(e){"
          "window.tracesimErrors.push(String(e.message||e));});</script>\n";
  page += "<style>\n" + assets::report_css() + "</style>\n</head>\n<body>\n";
  page += "<main id=\"report\"></main>\n";
  page += "<script type=\"application/json\" id=\"tracesim-data\">" + script_safe(data.dump()) + "</script>\n";
  page += "<script>\n" + script_safe(chart_js) + "\n</script>\n";
  page += "<script>\n" + script_safe(assets::report_js()) + "\n</script>\n";
  page += "</body>\n</html>\n";
  return page;
}

std::filesystem::path write_report(const std::filesystem::path& dir) {
  auto file = dir / "report.html";
  output::write_file_atomic(file, report_html(dir));
  return file;
}

}  // namespace tracesim::report
