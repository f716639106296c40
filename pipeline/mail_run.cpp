#include "pipeline/mail_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include <opencv2/core.hpp>

#include "models/privacy.h"
#include "pipeline/file_reading.h"
#include "pipeline/mail/mail_subject.h"
#include "pipeline/ordered_workers.h"
#include "pipeline/scan_documents.h"
#include "pipeline/sha256.h"
#include "pipeline/store/blob_store.h"
#include "pipeline/store/store.h"

namespace intake {
namespace {

// Lost or possibly lost content is an error: the input was not wholly read. A name made safe, a part given a name
// or a missing From or Date loses nothing the pipeline reads, but the office should know.
Severity severity_of(MailProblemKind kind) {
  switch (kind) {
    case MailProblemKind::missing_header:
    case MailProblemKind::unnamed_part:
    case MailProblemKind::unsafe_name:
      return Severity::warning;
    default:
      return Severity::error;
  }
}

struct PlannedAttachment {
  MailAttachment attachment;
  MediaType type = MediaType::unknown;  // by its bytes
  AttachmentUse use = AttachmentUse::unread;
  std::string sha256;              // "" for a ZIP: its entries are the sources
  std::optional<std::size_t> job;  // the batch's page-reading job for these bytes, when they are not stored yet
};

// One message met, between parsing and storing.
struct PlannedMessage {
  std::string origin;
  std::string where;                   // origin and Message-ID, as reports name the message (masked)
  std::string key;                     // what makes it the same message: its Message-ID, else its bytes
  std::optional<std::string> failure;  // no message could be read: only reported
  bool duplicate = false;              // stored already, or earlier in this run: only its origin is added
  NewMessage record;                   // attachments and problems are filled in when it is written
  std::optional<SubjectReading> subject;
  std::string subject_error;
  std::vector<MailProblem> problems;
  std::vector<PlannedAttachment> attachments;
  std::size_t jobs_needed = 0;  // it can be written once the batch's jobs [0, jobs_needed) are done
};

std::string attachment_label(const PlannedMessage& message, const std::string& part_path) {
  for (const PlannedAttachment& planned : message.attachments)
    if (planned.attachment.part_path == part_path)
      return fmt::format("«{}» (part {})", planned.attachment.name, part_path);
  return fmt::format("part {}", part_path);
}

std::string unread_reason(const PlannedAttachment& planned) {
  if (planned.attachment.bytes.empty()) return "empty attachment";
  if (planned.type == MediaType::unknown)
    return "not read: unrecognised content (intake reads PDFs and scanned images)";
  return fmt::format("not read: the bytes are {} (intake reads PDFs and scanned images)",
                     media_type_name(planned.type));
}

class MailRun {
 public:
  MailRun(const MailRunOptions& options, Store& store, const BlobStore& blobs, Id run)
      : options_(options), store_(store), blobs_(blobs), run_(run) {}

  void read_source(const std::string& source) {
    ++summary_.sources;
    if (source.starts_with("imap://") || source.starts_with("imaps://")) {
      read_imap(source);
      return;
    }
    const auto visited = visit_mail_source(
        source, [&](MailItem&& item) { take(std::move(item)); }, options_.source);
    if (!visited) report_source(source, visited.error().reason);
  }

  // Only the messages above the UID where the last visit ended are fetched; that position is kept once the
  // messages before it are stored, so an interrupted run fetches them again (and stores nothing twice).
  void read_imap(const std::string& source) {
    auto url = parse_imap_url(source);
    if (!url) {
      // Named by its scheme only: a URL that does not parse may hold a password.
      const std::string named = source.substr(0, source.find("://") + 3) + "…";
      report_source(named, url.error().reason);
      return;
    }
    const std::string mailbox = imap_url_text(url.value());
    const auto password = options_.imap_password(url.value());
    if (!password) {
      report_source(mailbox, password.error().reason);
      return;
    }
    std::optional<ImapResume> resume;
    if (const auto position = store_.imap_position(mailbox))
      resume = ImapResume{position->uidvalidity, position->last_uid};
    const auto visited = visit_imap_source(url.value(), password.value(), options_.imap, resume,
                                           [&](MailItem&& item) { take(std::move(item)); });
    if (!visited) {
      report_source(mailbox, visited.error().reason);
      return;
    }
    flush();
    if (!fatal_) store_.set_imap_position(mailbox, {visited->resume.uidvalidity, visited->resume.last_uid}, run_);
  }

  void report_source(const std::string& source, const std::string& error) {
    const std::string reason = mask_personal_data(error);
    report({source, reason, Severity::error}, unreadable_finding(fmt::format("unreadable_input|{}", source), source,
                                                                 source, reason, Severity::error, std::nullopt));
  }

  // Stores what is left and assembles the run's documents; Error only when OCR cannot start.
  Result<MailRunSummary> finish() {
    if (!fatal_) flush();
    if (fatal_) return *fatal_;
    // Pages of this run, and any an interrupted run left, become documents; their fields name the engine, so a
    // run that read nothing starts one reader only when an earlier run left pages.
    const bool pages_left = !readers_.empty() || !store_.unassigned_pages().empty();
    if (pages_left && ensure_readers(1)) {
      const DocumentsStored documents = store_documents_from_pages(store_, run_, readers_.front().engine_name());
      summary_.documents = documents.documents;
      summary_.findings += documents.findings;
    }
    if (fatal_) return *fatal_;
    // The photos this run kept, checked as `intake photos` checks them; the recommender is the subject's unit.
    auto photos = check_unchecked_photos(store_, blobs_, run_, options_.photos);
    if (!photos) return photos.error();
    summary_.photos_ok = photos->ok;
    summary_.findings += photos->findings;
    for (InputProblem& problem : photos->problems)
      summary_.problems.push_back({std::move(problem.file), std::move(problem.reason), Severity::error});
    summary_.findings += match_photos(store_, run_).findings;
    return summary_;
  }

  const MailRunSummary& summary() const { return summary_; }

 private:
  void take(MailItem&& item) {
    if (fatal_) return;
    ++summary_.messages;
    PlannedMessage planned;
    planned.origin = item.origin;
    planned.where = mask_personal_data(item.origin);
    if (!item.bytes) {
      planned.failure = item.bytes.error().reason;
      batch_.push_back(std::move(planned));
      return;
    }
    const Bytes& bytes = item.bytes.value();
    planned.record.sha256 = sha256_hex(bytes);
    planned.record.size = bytes.size();
    auto parsed = parse_mail_message(bytes, options_.parse);
    if (!parsed) {
      planned.failure = parsed.error().reason;
      batch_.push_back(std::move(planned));
      return;
    }
    MailMessage& message = parsed.value();
    if (!message.message_id.empty()) {
      planned.record.message_id = message.message_id;
      planned.where = mask_personal_data(fmt::format("{} {}", item.origin, message.message_id));
    }
    planned.key = message.message_id.empty() ? "sha256:" + planned.record.sha256 : message.message_id;
    planned.duplicate = store_.find_message(message.message_id, planned.record.sha256) ||
                        batch_keys_.contains(planned.key) || batch_keys_.contains(planned.record.sha256);
    if (planned.duplicate) {
      batch_.push_back(std::move(planned));
      return;
    }
    batch_keys_.insert(planned.key);
    batch_keys_.insert(planned.record.sha256);
    auto blob = blobs_.put(bytes, planned.record.sha256);
    if (!blob) {
      planned.failure = "cannot keep the original: " + blob.error().reason;
      batch_.push_back(std::move(planned));
      return;
    }
    plan_message(planned, std::move(message), std::move(blob).value());
    batch_.push_back(std::move(planned));
    if (batch_bytes_ >= options_.batch_bytes) flush();
  }

  void plan_message(PlannedMessage& planned, MailMessage&& message, std::string blob) {
    NewMessage& record = planned.record;
    record.blob = std::move(blob);
    record.origin = planned.origin;
    record.from_name = message.from.name;
    record.from_address = message.from.address;
    if (message.date) {
      record.date = message.date->timestamp;
      record.date_source = message.date->source == MailDateSource::date_header ? "date_header" : "received_header";
      record.received = message.date->received_date;
    }
    record.subject = message.subject;
    auto reading = read_mail_subject(message.subject);
    if (reading) {
      record.recommender = reading->recommender;
      planned.subject = std::move(reading).value();
    } else {
      planned.subject_error = reading.error().reason;
    }
    planned.problems = std::move(message.problems);
    for (MailAttachment& attachment : message.attachments) {
      PlannedAttachment out;
      out.type = sniff_media_type(attachment.bytes);
      out.use = attachment_use(attachment, out.type, options_.attachment_use);
      if (out.use == AttachmentUse::archive) {
        attachment.bytes = {};  // its entries follow it with their own bytes
      } else {
        out.sha256 = sha256_hex(attachment.bytes);
        batch_bytes_ += attachment.bytes.size();
      }
      out.attachment = std::move(attachment);
      planned.attachments.push_back(std::move(out));
    }
  }

  // Reads the batch's new page-bearing attachments on the workers and writes every message in order, each as soon
  // as its attachments are read.
  void flush() {
    std::vector<const PlannedAttachment*> jobs;
    std::map<std::string, std::size_t> job_of;  // bytes → job: the same file twice in a batch is read once
    for (PlannedMessage& message : batch_) {
      for (PlannedAttachment& planned : message.attachments) {
        if (planned.use != AttachmentUse::pages) continue;
        if (const auto found = job_of.find(planned.sha256); found != job_of.end()) {
          planned.job = found->second;
        } else if (!store_.source_id(planned.sha256)) {
          planned.job = jobs.size();
          job_of.emplace(planned.sha256, jobs.size());
          jobs.push_back(&planned);
        }
        if (planned.job) message.jobs_needed = std::max(message.jobs_needed, *planned.job + 1);
      }
    }
    if (!jobs.empty() && !ensure_readers(jobs.size())) return;

    std::vector<FileReading> readings(jobs.size());
    std::size_t written = 0;
    auto write_ready = [&](std::size_t done) {
      for (; written < batch_.size() && batch_[written].jobs_needed <= done; ++written)
        write(batch_[written], readings);
    };
    write_ready(0);
    auto read = [&](std::size_t i, PageReader& reader) {
      const PlannedAttachment& planned = *jobs[i];
      try {
        return read_scanned_file(planned.attachment.bytes, planned.sha256, planned.attachment.name, options_.decode,
                                 blobs_, reader);
      } catch (const std::exception& e) {
        FileReading failed;
        failed.problem = fmt::format("internal error while reading: {}", e.what());
        return failed;
      }
    };
    work_in_order(jobs.size(), std::span<PageReader>(readers_), read, [&](std::size_t i, FileReading&& reading) {
      readings[i] = std::move(reading);
      write_ready(i + 1);
    });
    write_ready(jobs.size());
    batch_.clear();
    batch_keys_.clear();
    batch_bytes_ = 0;
  }

  void write(PlannedMessage& message, const std::vector<FileReading>& readings) {
    if (message.failure) {
      // Keyed by content when there is any, so the same bad message in two mailboxes is one finding.
      const std::string reason = mask_personal_data(*message.failure);
      const std::string key = fmt::format(
          "unreadable_input|{}", message.record.sha256.empty() ? message.origin : "sha256:" + message.record.sha256);
      report({message.where, reason, Severity::error},
             unreadable_finding(key, message.origin, message.where, reason, Severity::error, std::nullopt));
      return;
    }
    if (message.duplicate) {
      ++summary_.already_stored;
      const auto stored = store_.find_message(message.record.message_id.value_or(""), message.record.sha256);
      if (!stored) return;  // its first copy in this run could not be kept: reported there
      store_.add_message_origin(*stored, message.origin, run_);
      // What was wrong with it is reported again, as a rerun of `intake scan` reports a partly readable file.
      for (InputProblemRecord& problem : store_.message_problems(*stored))
        summary_.problems.push_back({message.where, std::move(problem.reason), problem.severity});
      return;
    }
    write_new(message, readings);
    message.attachments.clear();  // its bytes are stored; no worker reads them any more
  }

  void write_new(PlannedMessage& message, const std::vector<FileReading>& readings) {
    NewMessage& record = message.record;
    std::vector<Finding> findings;
    auto problem = [&](Severity severity, const std::string& reason, const std::string& key) {
      const std::string masked = mask_personal_data(reason);
      record.problems.push_back({severity, masked});
      findings.push_back(unreadable_finding(key, message.origin, message.where, masked, severity, record.recommender));
    };
    for (const MailProblem& found : message.problems) {
      const std::string reason = found.part_path.empty()
                                     ? found.message
                                     : fmt::format("{}: {}", attachment_label(message, found.part_path), found.message);
      problem(severity_of(found.kind), reason,
              fmt::format("unreadable_input|message {}|{}|{}|{}", message.key, found.part_path,
                          mail_problem_name(found.kind), found.message));
    }
    for (PlannedAttachment& planned : message.attachments) {
      NewAttachment attachment = attachment_record(planned, readings);
      if (attachment.problem)
        problem(Severity::error,
                fmt::format("{}: {}", attachment_label(message, planned.attachment.part_path), *attachment.problem),
                fmt::format("unreadable_input|message {}|{}", message.key, planned.attachment.part_path));
      record.attachments.push_back(std::move(attachment));
    }

    const std::optional<std::string> engine =
        readers_.empty() ? std::nullopt : std::optional<std::string>(readers_.front().engine_name());
    const AddedMessage added = store_.add_message(run_, record, engine);
    ++summary_.new_messages;
    for (std::size_t i = 0; i < record.attachments.size(); ++i) {
      const NewAttachment& attachment = record.attachments[i];
      if (attachment.role == name_of(AttachmentUse::archive)) continue;
      ++summary_.attachments;
      if (!added.new_source[i]) continue;
      ++summary_.new_sources;
      if (attachment.channel == "photo") ++summary_.photos;
      if (attachment.file) summary_.pages += static_cast<int>(attachment.file->pages.size());
    }
    for (std::size_t i = 0; i < findings.size(); ++i) {
      summary_.problems.push_back({message.where, record.problems[i].reason, record.problems[i].severity});
      if (store_.add_finding(run_, findings[i])) ++summary_.findings;
    }
    if (const auto finding = subject_finding(message))
      if (store_.add_finding(run_, *finding)) ++summary_.findings;
  }

  // The attachment as the store keeps it: its bytes a source (read into pages, or kept unread), or linked to the
  // source already holding the same bytes.
  NewAttachment attachment_record(const PlannedAttachment& planned, const std::vector<FileReading>& readings) {
    const MailAttachment& sent = planned.attachment;
    NewAttachment out;
    out.part_path = sent.part_path;
    out.name = sent.name;
    out.media_type = sent.media_type;
    out.role = std::string(name_of(planned.use));
    out.forwarded = sent.forwarded;
    if (planned.use == AttachmentUse::archive) return out;
    out.sha256 = planned.sha256;
    if (planned.job) {
      const FileReading& reading = readings[*planned.job];
      out.file = reading.scanned;
      out.blob = reading.blob;
      out.page_reads = reading.page_reads;
      out.problem = reading.problem;
      return out;
    }
    if (const auto existing = store_.source_id(planned.sha256)) {
      out.problem = store_.source_problem(*existing);
      return out;
    }
    // An ID photo, or a file intake cannot read: kept as it came, so the office can open it.
    auto blob = blobs_.put(sent.bytes, planned.sha256);
    if (!blob) {
      out.problem = "cannot keep the original: " + blob.error().reason;
      return out;
    }
    ScannedFile file;
    file.sha256 = planned.sha256;
    file.size = sent.bytes.size();
    file.media_type = planned.type;
    if (planned.use == AttachmentUse::unread) file.problem = unread_reason(planned);
    out.problem = file.problem;
    out.file = std::move(file);
    out.blob = std::move(blob).value();
    out.channel = planned.use == AttachmentUse::photo ? "photo" : "email";
    return out;
  }

  // FORMS.md: the subject is the unit's name followed by 全省政务公开工作表彰上报材料. One naming no unit leaves the
  // message's documents to be assigned from what they say (an error for the office to check); one naming a unit in
  // other words is a warning.
  std::optional<Finding> subject_finding(const PlannedMessage& message) const {
    if (message.subject && message.subject->deviation.empty()) return std::nullopt;
    Finding finding;
    finding.key = fmt::format("mail_subject|message {}", message.key);
    finding.rule = "mail_subject";
    finding.file = message.origin;
    if (message.subject) {
      finding.severity = Severity::warning;
      finding.recommender = message.subject->recommender;
      finding.message = fmt::format("{}: subject «{}» is {}", message.where, mask_personal_data(message.record.subject),
                                    message.subject->deviation);
    } else {
      finding.severity = Severity::error;
      finding.message = fmt::format("{}: {}", message.where, message.subject_error);
    }
    return finding;
  }

  static Finding unreadable_finding(std::string key, const std::string& file, const std::string& where,
                                    const std::string& reason, Severity severity,
                                    const std::optional<std::string>& recommender) {
    Finding finding;
    finding.key = std::move(key);
    finding.rule = "unreadable_input";
    finding.severity = severity;
    finding.recommender = recommender;
    finding.file = file;
    finding.message = fmt::format("{}: {}", where, reason);
    return finding;
  }

  void report(MailRunProblem problem, const Finding& finding) {
    summary_.problems.push_back(std::move(problem));
    if (store_.add_finding(run_, finding)) ++summary_.findings;
  }

  // One PageReader (one Tesseract engine, ~0.3 s to start) per worker, started the first time pages are to be
  // read; OpenCV's own pool would only oversubscribe the cores the workers already use.
  bool ensure_readers(std::size_t jobs) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t wanted = std::min<std::size_t>(options_.workers ? options_.workers : cores, jobs);
    while (readers_.size() < wanted) {
      auto reader = PageReader::create(options_.reader);
      if (!reader) {
        fatal_ = reader.error();
        return false;
      }
      readers_.push_back(std::move(reader).value());
    }
    cv::setNumThreads(1);
    return true;
  }

  const MailRunOptions& options_;
  Store& store_;
  const BlobStore& blobs_;
  const Id run_;
  MailRunSummary summary_;
  std::vector<PageReader> readers_;
  std::vector<PlannedMessage> batch_;
  std::set<std::string> batch_keys_;  // Message-IDs and hashes of the batch's new messages
  std::uintmax_t batch_bytes_ = 0;
  std::optional<Error> fatal_;
};

}  // namespace

bool MailRunSummary::unreadable() const {
  return std::any_of(problems.begin(), problems.end(),
                     [](const MailRunProblem& problem) { return problem.severity == Severity::error; });
}

nlohmann::json MailRunSummary::to_json() const {
  nlohmann::json problems_json = nlohmann::json::array();
  for (const MailRunProblem& problem : problems)
    problems_json.push_back(
        {{"file", problem.file}, {"reason", problem.reason}, {"severity", name_of(problem.severity)}});
  return {{"sources", sources},
          {"messages", messages},
          {"new_messages", new_messages},
          {"already_stored", already_stored},
          {"attachments", attachments},
          {"new_sources", new_sources},
          {"photos", photos},
          {"photos_ok", photos_ok},
          {"pages", pages},
          {"documents", documents},
          {"findings", findings},
          {"problems", problems_json}};
}

Result<MailRunSummary> run_mail(const std::vector<std::string>& sources, const MailRunOptions& options) {
  auto store = Store::open(options.database);
  if (!store) return Error{fmt::format("{}: {}", options.database.string(), store.error().reason)};
  auto blobs = BlobStore::open(BlobStore::beside(options.database));
  if (!blobs) return blobs.error();
  const Id run = store->begin_run("mail");
  MailRun mail(options, store.value(), blobs.value(), run);
  for (const std::string& source : sources) mail.read_source(source);
  auto summary = mail.finish();
  store->finish_run(run, (summary ? summary.value() : mail.summary()).to_json().dump());
  return summary;
}

}  // namespace intake
