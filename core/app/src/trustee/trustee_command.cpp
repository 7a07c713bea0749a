#include "trustee/trustee_command.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli/api_client.h"
#include "yishi/common/json_writer.h"
#include "yishi/crypto/group.h"
#include "yishi/election/board.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"
#include "yishi/election/trustee.h"

namespace yishi::app {

namespace {

struct Options {
    std::string command;
    std::string server;
    std::int64_t election = 0;
    std::string state;
    std::string name;
};

void usage() {
    std::cerr << "usage: yishi trustee keygen --name NAME --state FILE\n"
                 "       yishi trustee ceremony|decrypt|show --server http://HOST:PORT --election ID --state FILE\n"
                 "  keygen    make this trustee's keys; prints the public keys for the committee\n"
                 "  ceremony  post this trustee's next steps of the key ceremony (commit, reveal, shares, ok);\n"
                 "            run it again until it says the ceremony is done\n"
                 "  decrypt   post this trustee's partial decryption once the election is tallied\n"
                 "  show      print this trustee's public keys\n";
}

std::optional<Options> parse(int argc, char** argv) {
    if (argc < 3) return std::nullopt;
    Options o;
    o.command = argv[2];
    for (int i = 3; i + 1 < argc; i += 2) {
        const std::string arg = argv[i], value = argv[i + 1];
        if (arg == "--server") {
            o.server = value;
        } else if (arg == "--election") {
            try {
                o.election = std::stoll(value);
            } catch (...) {
                return std::nullopt;
            }
        } else if (arg == "--state") {
            o.state = value;
        } else if (arg == "--name") {
            o.name = value;
        } else {
            return std::nullopt;
        }
    }
    if ((argc - 3) % 2 != 0 || o.state.empty()) return std::nullopt;
    return o;
}

int fail(const Status& s) {
    std::cerr << "yishi trustee: " << s.code() << ": " << s.message() << "\n";
    return 1;
}

std::string hex(std::string_view b) { return crypto::toHex(b); }

Result<election::Trustee> loadState(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::notFound("trustee.state", "No trustee state in " + path + ": run keygen first.");
    std::stringstream bytes;
    bytes << in.rdbuf();
    return election::Trustee::importState(bytes.str());
}

Status saveState(const std::string& path, const election::Trustee& trustee) {
    const std::string temporary = path + ".tmp";
    {
        const mode_t old = umask(077);
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        umask(old);
        out << trustee.exportState();
        if (!out) return Status::unavailable("trustee.state", "Cannot write " + temporary + ".");
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        return Status::unavailable("trustee.state", "Cannot replace " + path + ".");
    }
    return Status::ok();
}

// The board as the server publishes it, read with the manifest it starts with.
struct Board {
    election::Manifest manifest;
    crypto::ElectionId eid{};
    std::vector<election::Message> messages;  // D[1..]
};

Result<Board> readBoard(ApiClient& client, std::int64_t election) {
    Board board;
    std::vector<std::string> entries;
    const std::string prefix = "/api/v1/elections/" + std::to_string(election) + "/entries";
    for (;;) {
        YISHI_ASSIGN_OR_RETURN(Value page,
                               client.getJson(prefix + "?from=" + std::to_string(entries.size()) + "&limit=1000"));
        const Value* list = page.find("entries");
        const Value* size = page.find("size");
        if (list == nullptr || !list->isArray() || size == nullptr || !size->isInt())
            return Status::invalid("cli.bad_reply", "The answer has no entries or no size.");
        for (const Value& e : list->asArray()) {
            auto bytes = e.isString() ? crypto::fromHex(e.asString()) : Result<std::string>(Status::invalid("x", "x"));
            if (!bytes.isOk()) return Status::invalid("cli.bad_reply", "An entry is not hex.");
            entries.push_back(std::move(bytes).value());
        }
        if (list->asArray().empty() || static_cast<std::int64_t>(entries.size()) >= size->asInt()) break;
    }
    if (entries.empty()) return Status::invalid("cli.bad_reply", "The board is empty.");
    YISHI_ASSIGN_OR_RETURN(board.manifest, election::Manifest::parse(entries[0]));
    board.eid = election::electionIdOf(entries[0]);
    for (std::size_t i = 1; i < entries.size(); ++i) {
        YISHI_ASSIGN_OR_RETURN(election::Entry entry, election::Entry::parse(entries[i]));
        YISHI_ASSIGN_OR_RETURN(election::Message m, election::parseMessage(entry.message, board.manifest, board.eid));
        board.messages.push_back(std::move(m));
    }
    return board;
}

template <typename T>
std::vector<T> all(const Board& board) {
    std::vector<T> out;
    for (const auto& m : board.messages) {
        if (const T* t = std::get_if<T>(&m)) out.push_back(*t);
    }
    return out;
}

template <typename T>
bool posted(const Board& board, std::int64_t trustee) {
    for (const auto& t : all<T>(board)) {
        if (t.trustee == trustee) return true;
    }
    return false;
}

Status post(ApiClient& client, std::int64_t election, const Board& board, const election::Message& message) {
    JsonWriter body;
    body.beginObject().key("message").value(hex(election::encodeMessage(message, board.eid))).endObject();
    auto reply = client.postJson("/api/v1/elections/" + std::to_string(election) + "/trustee-messages", body.text());
    if (!reply.isOk()) return reply.status();
    std::cout << "posted " << election::messageName(message) << "\n";
    return Status::ok();
}

// This trustee's index in the manifest, by its signing key.
Result<std::int64_t> indexIn(const election::Manifest& manifest, const election::Trustee& trustee) {
    for (std::size_t j = 0; j < manifest.trustees.size(); ++j) {
        if (manifest.trustees[j].sign_pk == trustee.spec().sign_pk) return static_cast<std::int64_t>(j + 1);
    }
    return Status::forbidden("trustee.not_listed", "This election's manifest does not list this trustee's key.");
}

// One step of the ceremony at a time, each only when the board is ready for
// it (docs/election-record.md 6.2: every trustee's commit before any reveal,
// every reveal before any shares, every shares message before any ok), the
// board read again after each post. Stops when this trustee must wait for the
// others; run again later.
int ceremony(ApiClient& client, const Options& o, election::Trustee trustee) {
    for (;;) {
        auto board = readBoard(client, o.election);
        if (!board.isOk()) return fail(board.status());
        auto index = indexIn(board->manifest, trustee);
        if (!index.isOk()) return fail(index.status());
        if (trustee.index() != *index) {
            auto placed = trustee.atIndex(*index);
            if (!placed.isOk()) return fail(placed.status());
            trustee = std::move(placed).value();
        }
        const auto n = board->manifest.trusteeCount();
        const std::int64_t j = trustee.index();
        if (posted<election::TrusteeOk>(*board, j)) break;
        auto count = [&](auto message_type) {
            return static_cast<std::int64_t>(all<decltype(message_type)>(*board).size());
        };
        Status step = Status::ok();
        if (!posted<election::TrusteeCommit>(*board, j)) {
            election::Message commit = trustee.commit(board->manifest, board->eid);
            // The polynomial is kept before anyone sees its hash.
            if (Status s = saveState(o.state, trustee); !s.isOk()) return fail(s);
            step = post(client, o.election, *board, commit);
        } else if (count(election::TrusteeCommit{}) < n) {
            std::cout << "等待其他监票人承诺 / waiting for the other trustees' commits; run again later\n";
            return 0;
        } else if (!posted<election::TrusteeReveal>(*board, j)) {
            step = post(client, o.election, *board, trustee.reveal(board->eid));
        } else if (count(election::TrusteeReveal{}) < n) {
            std::cout << "等待其他监票人公开系数 / waiting for the other trustees' reveals; run again later\n";
            return 0;
        } else if (!posted<election::TrusteeShares>(*board, j)) {
            auto shares = trustee.shares(board->manifest, board->eid);
            if (!shares.isOk()) return fail(shares.status());
            step = post(client, o.election, *board, *shares);
        } else if (count(election::TrusteeShares{}) < n) {
            std::cout << "等待其他监票人的份额 / waiting for the other trustees' shares; run again later\n";
            return 0;
        } else {
            auto ok = trustee.confirm(board->manifest, board->eid, all<election::TrusteeReveal>(*board),
                                      all<election::TrusteeShares>(*board));
            if (!ok.isOk()) return fail(ok.status());
            // x_j is kept before the ok that commits to it.
            if (Status s = saveState(o.state, trustee); !s.isOk()) return fail(s);
            step = post(client, o.election, *board, *ok);
        }
        if (!step.isOk()) return fail(step);
    }
    std::cout << "本监票人的密钥仪式已完成 / this trustee's part of the ceremony is done\n";
    return 0;
}

int decrypt(ApiClient& client, const Options& o, const election::Trustee& trustee) {
    auto board = readBoard(client, o.election);
    if (!board.isOk()) return fail(board.status());
    if (posted<election::Partial>(*board, trustee.index())) {
        std::cout << "已提交部分解密 / partial decryption already posted\n";
        return 0;
    }
    const auto tallies = all<election::Tally>(*board);
    if (tallies.empty()) {
        std::cout << "尚未计票 / the election is not tallied yet\n";
        return 0;
    }
    auto partial = trustee.partial(board->eid, tallies.front());
    if (!partial.isOk()) return fail(partial.status());
    if (Status s = post(client, o.election, *board, *partial); !s.isOk()) return fail(s);
    return 0;
}

}  // namespace

int runTrusteeCommand(int argc, char** argv) {
    const auto options = parse(argc, argv);
    if (!options) {
        usage();
        return 64;
    }
    const Options& o = *options;
    if (o.command == "keygen") {
        if (o.name.empty()) {
            usage();
            return 64;
        }
        std::ifstream existing(o.state);
        if (existing) return fail(Status::conflict("trustee.state", o.state + " exists; keys are never overwritten."));
        // The index is the trustee's place in the manifest, which the
        // committee fixes later; ceremony checks it by the signing key.
        const election::Trustee trustee = election::Trustee::generate(1, o.name);
        if (Status s = saveState(o.state, trustee); !s.isOk()) return fail(s);
        std::cout << "sign_pk " << hex(trustee.spec().sign_pk) << "\nbox_pk  " << hex(trustee.spec().box_pk) << "\n";
        return 0;
    }
    auto trustee = loadState(o.state);
    if (!trustee.isOk()) return fail(trustee.status());
    if (o.command == "show") {
        std::cout << "name    " << trustee->spec().name << "\nsign_pk " << hex(trustee->spec().sign_pk) << "\nbox_pk  "
                  << hex(trustee->spec().box_pk) << "\n";
        return 0;
    }
    if (o.server.empty() || o.election <= 0) {
        usage();
        return 64;
    }
    auto client = ApiClient::connect(o.server);
    if (!client.isOk()) return fail(client.status());
    if (o.command == "ceremony") return ceremony(*client, o, *trustee);
    if (o.command == "decrypt") return decrypt(*client, o, *trustee);
    usage();
    return 64;
}

}  // namespace yishi::app
