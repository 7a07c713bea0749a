// libFuzzer harness for the election record's decoders
// (docs/election-record.md, section 6): the record file (Record::parse),
// its tree head (TreeHead::parse), its entries (Entry::parse), the manifest
// in entry 0 (Manifest::parse, validate) and the messages after it
// (parseMessage), then the whole offline verifier (verifyRecord, what
// `yishi verify` runs on a file from anywhere). Besides crashes, leaks,
// undefined behaviour and hangs, it checks:
//  - every layer's encoding is canonical: what reads, written again, gives
//    the very same bytes (record, head, entry, manifest, message);
//  - a refusal has its layer's code (record.format, sth.format,
//    entry.format, manifest.format, message.format or entry.election);
//  - the verifier's report is one line, and a record the decoders refuse
//    is not one it passes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "yishi/election/board.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"
#include "yishi/election/verifier.h"

using namespace yishi;
using namespace yishi::election;

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

// Reads every layer; false when one refuses (with its own code).
bool decodeAll(std::string_view bytes) {
    const Result<Record> record = Record::parse(bytes);
    if (!record.isOk()) {
        require(record.status().code() == "record.format");
        return false;
    }
    require(record->encoded() == bytes);
    bool all = true;
    if (const Result<TreeHead> head = TreeHead::parse(record->head); head.isOk()) {
        require(head->encoded() == record->head);
    } else {
        require(head.status().code() == "sth.format");
        all = false;
    }
    const Result<Manifest> manifest = Manifest::parse(record->entries.front());
    if (!manifest.isOk()) {
        require(manifest.status().code() == "manifest.format");
        return false;
    }
    require(manifest->encoded() == record->entries.front());
    const bool valid = manifest->validate().isOk();
    const crypto::ElectionId eid = electionIdOf(record->entries.front());
    for (std::size_t i = 1; i < record->entries.size(); ++i) {
        const Result<Entry> entry = Entry::parse(record->entries[i]);
        if (!entry.isOk()) {
            require(entry.status().code() == "entry.format");
            all = false;
            continue;
        }
        require(entry->encoded() == record->entries[i]);
        // The verifier reads messages only under a valid manifest.
        if (!valid) continue;
        const Result<Message> message = parseMessage(entry->message, *manifest, eid);
        if (!message.isOk()) {
            const std::string& code = message.status().code();
            require(code == "message.format" || code == "entry.format" || code == "entry.election");
            all = false;
            continue;
        }
        require(encodeMessage(*message, eid) == entry->message);
    }
    return all && valid;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const bool decodes = decodeAll(bytes);
    const VerifyReport report = verifyRecord(bytes);
    const std::string line = report.line();
    require(!line.empty() && line.find('\n') == std::string::npos);
    if (!decodes) require(!report.ok());
    return 0;
}
