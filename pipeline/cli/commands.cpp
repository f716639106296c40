#include "pipeline/cli/commands.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "models/privacy.h"
#include "pipeline/bytes.h"
#include "pipeline/export/export_csv.h"
#include "pipeline/export/export_json.h"
#include "pipeline/mail_run.h"
#include "pipeline/photos_run.h"
#include "pipeline/scan_run.h"
#include "pipeline/store/store.h"

namespace intake {
namespace {

namespace fs = std::filesystem;

struct CommonOptions {
  std::string database = "intake.db";
  bool json = false;
};

struct ScanArguments {
  std::vector<std::string> paths;
  std::string received;
  unsigned workers = 0;
};

struct ExportArguments {
  std::string format;
  std::string out;
  bool unmasked = false;
};

// A received date must be a real calendar date: deadlines are compared against it (notice 五).
const CLI::Validator calendar_date = CLI::Validator(
    [](const std::string& text) -> std::string {
      static const std::regex shape(R"(\d{4}-\d{2}-\d{2})");
      if (!std::regex_match(text, shape)) return "expected YYYY-MM-DD";
      const std::chrono::year_month_day day{std::chrono::year{std::stoi(text.substr(0, 4))},
                                            std::chrono::month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                                            std::chrono::day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}};
      return day.ok() ? std::string() : "no such date";
    },
    "DATE");

void print_problems(const std::vector<InputProblem>& problems) {
  for (const auto& problem : problems) std::cerr << problem.file << ": " << problem.reason << '\n';
}

int scan_command(const CommonOptions& common, const ScanArguments& arguments) {
  ScanRunOptions options;
  options.database = common.database;
  if (!arguments.received.empty()) options.received = arguments.received;
  options.workers = arguments.workers;
  const auto summary = run_scan(arguments.paths, options);
  if (!summary) {
    std::cerr << "intake scan: " << summary.error().reason << '\n';
    return exit_unreadable_input;
  }
  print_problems(summary->problems);
  if (common.json) {
    std::cout << summary->to_json().dump(2) << '\n';
  } else {
    std::cout << fmt::format("scan: {} files ({} new, {} already stored), {} pages, {} documents stored, {} problems\n",
                             summary->files, summary->new_files, summary->already_stored, summary->pages,
                             summary->documents, summary->problems.size());
  }
  return summary->problems.empty() ? exit_done : exit_unreadable_input;
}

struct MailArguments {
  std::vector<std::string> sources;
  unsigned workers = 0;
};

int mail_command(const CommonOptions& common, const MailArguments& arguments) {
  MailRunOptions options;
  options.database = common.database;
  options.workers = arguments.workers;
  const auto summary = run_mail(arguments.sources, options);
  if (!summary) {
    std::cerr << "intake mail: " << summary.error().reason << '\n';
    return exit_unreadable_input;
  }
  for (const MailRunProblem& problem : summary->problems)
    std::cerr << problem.file << ": " << (problem.severity == Severity::error ? "" : "warning: ") << problem.reason
              << '\n';
  if (common.json) {
    std::cout << summary->to_json().dump(2) << '\n';
  } else {
    std::cout << fmt::format(
        "mail: {} messages ({} new, {} already stored), {} attachments ({} new: {} photos, {} of them ok), {} pages, "
        "{} documents stored, {} problems\n",
        summary->messages, summary->new_messages, summary->already_stored, summary->attachments,
        summary->new_sources, summary->photos, summary->photos_ok, summary->pages, summary->documents,
        summary->problems.size());
  }
  return summary->unreadable() ? exit_unreadable_input : exit_done;
}

int photos_command(const CommonOptions& common, const std::vector<std::string>& paths) {
  PhotosRunOptions options;
  options.database = common.database;
  const auto summary = run_photos(paths, options);
  if (!summary) {
    std::cerr << "intake photos: " << summary.error().reason << '\n';
    return exit_unreadable_input;
  }
  print_problems(summary->problems);
  if (common.json) {
    std::cout << summary->to_json().dump(2) << '\n';
  } else {
    const PhotosChecked& checked = summary->checked;
    std::cout << fmt::format(
        "photos: {} files ({} new, {} already stored), {} checked: {} ok, {} with problems; {} of {} photos matched "
        "to a nominee; {} problems\n",
        summary->files, summary->new_photos, summary->already_stored, checked.checked, checked.ok,
        checked.checked - checked.ok, summary->matched.matched, summary->matched.photos, summary->problems.size());
  }
  return summary->problems.empty() ? exit_done : exit_unreadable_input;
}

// Reading commands must not create an empty database where the user mistyped a path.
std::optional<Store> open_existing(const std::string& database, const char* command) {
  if (!fs::exists(database)) {
    std::cerr << fmt::format("intake {}: {}: no such database (run `intake scan` or `intake mail` first)\n", command,
                             database);
    return std::nullopt;
  }
  auto store = Store::open(database);
  if (!store) {
    std::cerr << fmt::format("intake {}: {}: {}\n", command, database, store.error().reason);
    return std::nullopt;
  }
  return std::move(store).value();
}

int check_command(const CommonOptions& common, bool unmasked) {
  auto store = open_existing(common.database, "check");
  if (!store) return exit_unreadable_input;
  // Reconcile: photos matched to the nominees known now, nominees of the formal round without a photo.
  const Id run = store->begin_run("check");
  const PhotosMatched matched = match_photos(*store, run);
  const int missing = find_missing_photos(*store, run);
  store->finish_run(run, nlohmann::json{{"photos", matched.photos}, {"matched", matched.matched},
                                        {"findings", matched.findings + missing}}.dump());
  const auto findings = store->findings();
  if (common.json) {
    nlohmann::json out = export_json(*store)["findings"];
    if (!unmasked)
      for (auto& finding : out) finding["message"] = mask_personal_data(finding["message"].get<std::string>());
    std::cout << nlohmann::json{{"findings", out}}.dump(2) << '\n';
    return exit_done;
  }
  for (const auto& [id, finding] : findings) {
    const std::string message = unmasked ? finding.message : mask_personal_data(finding.message);
    std::cout << fmt::format("{:<7} {:<20} {}{}\n", name_of(finding.severity), finding.rule,
                             finding.recommender ? *finding.recommender + ": " : "", message);
  }
  std::cout << fmt::format("check: {} findings\n", findings.size());
  return exit_done;
}

int export_command(const CommonOptions& common, const ExportArguments& arguments) {
  if (arguments.format == "xlsx" || arguments.format == "html") {
    std::cerr << fmt::format("intake export: --format {} is not built yet; use json or csv\n", arguments.format);
    return exit_usage;
  }
  auto store = open_existing(common.database, "export");
  if (!store) return exit_unreadable_input;
  const std::string text = arguments.format == "json" ? export_json(*store).dump(2) + "\n"
                                                      : export_csv(*store, {.unmasked = arguments.unmasked});
  if (arguments.out.empty() || arguments.out == "-") {
    std::cout << text;
    return exit_done;
  }
  const auto written =
      write_file_atomically(arguments.out, {reinterpret_cast<const unsigned char*>(text.data()), text.size()});
  if (!written) {
    std::cerr << fmt::format("intake export: {}: {}\n", arguments.out, written.error().reason);
    return exit_unreadable_input;
  }
  return exit_done;
}

int not_built_yet(const char* command, const char* where) {
  std::cerr << fmt::format("intake {}: not built yet ({}); nothing was read\n", command, where);
  return exit_usage;
}

void add_database_option(CLI::App& command, CommonOptions& common) {
  command.add_option("--db", common.database, "SQLite database file (created owner-only when new)")
      ->capture_default_str();
}

void add_json_option(CLI::App& command, CommonOptions& common) {
  command.add_flag("--json", common.json, "Print a machine-readable summary");
}

}  // namespace

int run_command_line(int argc, char** argv) {
  CLI::App app{"intake: scanned and e-mailed award nominations into a checked database"};
  app.set_version_flag("--version", std::string("intake ") + INTAKE_VERSION);
  app.require_subcommand(1);

  CommonOptions common;
  ScanArguments scan;
  auto* scan_cmd = app.add_subcommand("scan", "Ingest scanned pages: JPEG/PNG/TIFF files, PDFs, folders (recursive)");
  add_database_option(*scan_cmd, common);
  add_json_option(*scan_cmd, common);
  scan_cmd->add_option("--received", scan.received, "Date the paper arrived (YYYY-MM-DD), for deadline checks")
      ->check(calendar_date);
  scan_cmd->add_option("--workers", scan.workers, "Worker threads (default: one per core)")
      ->check(CLI::Range(1u, 256u));
  scan_cmd->add_option("PATH", scan.paths, "Files or folders")->required();

  MailArguments mail;
  auto* mail_cmd = app.add_subcommand("mail", "Ingest e-mail: mbox, Maildir, folder of .eml, imap[s]://user@host/BOX");
  add_database_option(*mail_cmd, common);
  add_json_option(*mail_cmd, common);
  mail_cmd->add_option("--workers", mail.workers, "Page-reading threads for PDF attachments (default: one per core)")
      ->check(CLI::Range(1u, 256u));
  mail_cmd->add_option("SOURCE", mail.sources,
                       "mbox files, Maildirs, folders of .eml, .eml files, imap[s]://user@host[:port]/MAILBOX "
                       "(password from INTAKE_IMAP_PASSWORD, else asked for)")
      ->required();

  std::vector<std::string> photo_paths;
  auto* photos_cmd = app.add_subcommand("photos", "Check electronic ID photos (files or folders)");
  add_database_option(*photos_cmd, common);
  add_json_option(*photos_cmd, common);
  photos_cmd->add_option("PATH", photo_paths, "Photo files or folders")->required();

  bool check_unmasked = false;
  auto* check_cmd = app.add_subcommand("check", "Reconcile and apply the notice's rules; print the findings");
  add_database_option(*check_cmd, common);
  add_json_option(*check_cmd, common);
  check_cmd->add_flag("--unmasked", check_unmasked, "Show ID and phone numbers in full");

  ExportArguments export_arguments;
  auto* export_cmd = app.add_subcommand("export", "Write the database as JSON (EXPORT.md), CSV, XLSX or HTML");
  add_database_option(*export_cmd, common);
  export_cmd->add_option("--format", export_arguments.format, "Output format")
      ->required()
      ->check(CLI::IsMember({"json", "csv", "xlsx", "html"}));
  export_cmd->add_option("--out", export_arguments.out, "Output file (default: standard output)");
  export_cmd->add_flag("--unmasked", export_arguments.unmasked, "Do not mask ID and phone numbers in csv/xlsx/html");

  std::string port;
  bool no_browser = false;
  auto* review_cmd = app.add_subcommand("review", "Local review page on 127.0.0.1");
  add_database_option(*review_cmd, common);
  review_cmd->add_option("--port", port, "Port");
  review_cmd->add_flag("--no-browser", no_browser, "Do not open a browser");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_usage;
  }

  if (*scan_cmd) return scan_command(common, scan);
  if (*check_cmd) return check_command(common, check_unmasked);
  if (*export_cmd) return export_command(common, export_arguments);
  if (*mail_cmd) return mail_command(common, mail);
  if (*photos_cmd) return photos_command(common, photo_paths);
  return not_built_yet("review", "planned");
}

}  // namespace intake
