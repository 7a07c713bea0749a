#include "vote/vote_command.h"

#include <iostream>
#include <map>
#include <optional>
#include <sstream>

#include "cli/api_client.h"
#include "vote/wallet.h"
#include "yishi/common/json_writer.h"
#include "yishi/crypto/group.h"
#include "yishi/election/board.h"
#include "yishi/election/credential.h"
#include "yishi/election/manifest.h"
#include "yishi/election/messages.h"
#include "yishi/election/receipt.h"

namespace yishi::app {

namespace {

struct Options {
    std::string command;
    std::string server;
    std::int64_t election = 0;
    std::string login;
    std::string password_file;
    std::string wallet_dir;
    std::string choose;
    bool replace = false;
};

void usage() {
    std::cerr << "usage: yishi vote enroll|cast|check|show --server http://HOST:PORT --election ID\n"
                 "                  [--login LOGIN] [--password-file FILE] [--wallet DIR]\n"
                 "                  [--choose I,J,...] [--replace]\n"
                 "  enroll   make a credential on this machine and register its public key\n"
                 "  cast     vote for the options --choose lists (0-based; referendum: 0 yes, 1 no, 2 abstain)\n"
                 "  check    check that every ballot cast from this machine is still in the board's log\n"
                 "  show     print the election and what this machine holds for it\n"
                 "The password comes from YISHI_PASSWORD, --password-file, or the terminal.\n";
}

std::optional<Options> parse(int argc, char** argv) {
    if (argc < 3) return std::nullopt;
    Options o;
    o.command = argv[2];
    for (int i = 3; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto next = [&]() -> std::optional<std::string> {
            if (i + 1 >= argc) return std::nullopt;
            return std::string(argv[++i]);
        };
        std::optional<std::string> v;
        if (arg == "--replace") {
            o.replace = true;
            continue;
        }
        if (!(v = next())) return std::nullopt;
        if (arg == "--server") {
            o.server = *v;
        } else if (arg == "--election") {
            try {
                o.election = std::stoll(*v);
            } catch (...) {
                return std::nullopt;
            }
        } else if (arg == "--login") {
            o.login = *v;
        } else if (arg == "--password-file") {
            o.password_file = *v;
        } else if (arg == "--wallet") {
            o.wallet_dir = *v;
        } else if (arg == "--choose") {
            o.choose = *v;
        } else {
            return std::nullopt;
        }
    }
    if (o.server.empty() || o.election <= 0) return std::nullopt;
    return o;
}

int fail(const Status& s) {
    std::cerr << "yishi vote: " << s.code() << ": " << s.message() << "\n";
    return 1;
}

std::string hex(std::string_view bytes) { return crypto::toHex(bytes); }

Result<std::string> unhex(const Value& v, std::string_view key) {
    const Value* f = v.find(key);
    if (f == nullptr || !f->isString())
        return Status::invalid("cli.bad_reply", "The answer has no " + std::string(key));
    auto bytes = crypto::fromHex(f->asString());
    if (!bytes.isOk()) return Status::invalid("cli.bad_reply", std::string(key) + " is not hex");
    return bytes.value();
}

Result<std::vector<crypto::MerkleHash>> hashList(const Value& v, std::string_view key) {
    const Value* f = v.find(key);
    if (f == nullptr || !f->isArray()) return Status::invalid("cli.bad_reply", "The answer has no " + std::string(key));
    std::vector<crypto::MerkleHash> list;
    for (const Value& item : f->asArray()) {
        if (!item.isString()) return Status::invalid("cli.bad_reply", std::string(key) + " holds a non-string");
        auto bytes = crypto::fromHex(item.asString());
        if (!bytes.isOk()) return Status::invalid("cli.bad_reply", std::string(key) + " holds bad hex");
        YISHI_ASSIGN_OR_RETURN(auto h, crypto::merkleHashFromBytes(bytes.value()));
        list.push_back(h);
    }
    return list;
}

std::int64_t intAt(const Value& v, std::string_view key) {
    const Value* f = v.find(key);
    return f != nullptr && f->isInt() ? f->asInt() : -1;
}

// The election as the server describes it, with its manifest checked
// against its id: a client never trusts a manifest it has not hashed.
struct ElectionView {
    Value json;
    election::Manifest manifest;
    crypto::ElectionId eid{};
};

Result<ElectionView> fetchElection(ApiClient& client, std::int64_t id) {
    YISHI_ASSIGN_OR_RETURN(Value json, client.getJson("/api/v1/elections/" + std::to_string(id)));
    YISHI_ASSIGN_OR_RETURN(std::string manifest_bytes, unhex(json, "manifest"));
    YISHI_ASSIGN_OR_RETURN(election::Manifest manifest, election::Manifest::parse(manifest_bytes));
    if (Status s = manifest.validate(); !s.isOk()) return s;
    const crypto::ElectionId eid = election::electionIdOf(manifest_bytes);
    YISHI_ASSIGN_OR_RETURN(std::string claimed, unhex(json, "eid"));
    if (claimed != crypto::asBytes(eid)) {
        return Status::invalid("vote.manifest", "The election id the server gives is not its manifest's hash.");
    }
    return ElectionView{std::move(json), std::move(manifest), eid};
}

Status signIn(ApiClient& client, const Options& o) {
    if (o.login.empty()) return Status::invalid("cli.usage", "This step needs --login.");
    YISHI_ASSIGN_OR_RETURN(std::string password, readPassword(o.password_file));
    return client.login(o.login, password);
}

Result<std::vector<int>> selections(const Options& o, const election::Manifest& manifest) {
    std::vector<int> chosen(manifest.options.size(), 0);
    std::stringstream in(o.choose);
    std::string item;
    while (std::getline(in, item, ',')) {
        try {
            const long long i = std::stoll(item);
            if (i < 0 || i >= manifest.optionCount()) throw std::out_of_range("option");
            chosen[static_cast<std::size_t>(i)] = 1;
        } catch (...) {
            return Status::invalid("cli.usage", "--choose lists option numbers from 0 to " +
                                                    std::to_string(manifest.optionCount() - 1) + ".");
        }
    }
    return chosen;
}

int enroll(ApiClient& client, const Options& o, Wallet& wallet) {
    auto view = fetchElection(client, o.election);
    if (!view.isOk()) return fail(view.status());
    std::string replaces;
    if (!wallet.seed.empty()) {
        if (!o.replace) {
            std::cout << "已有凭证 / already enrolled from this machine (use --replace to replace the key)\n";
            return 0;
        }
        auto old = crypto::fromHex(wallet.seed);
        if (old.isOk()) {
            if (auto c = election::Credential::fromSeed(old.value()); c.isOk()) replaces = c->publicKey();
        }
    }
    if (Status s = signIn(client, o); !s.isOk()) return fail(s);
    const election::Credential credential = election::Credential::generate();
    Wallet next = wallet;
    next.server = o.server;
    next.election = o.election;
    next.eid = hex(crypto::asBytes(view->eid));
    next.seed = hex(credential.seed());
    // Keep the secret before the server hears of the key: a key registered
    // without its secret saved could never vote.
    if (Status s = next.save(); !s.isOk()) return fail(s);
    JsonWriter body;
    body.beginObject().key("enroll").value(
        hex(election::encodeMessage(credential.enroll(view->eid, replaces), view->eid)));
    body.endObject();
    auto reply = client.postJson("/api/v1/elections/" + std::to_string(o.election) + "/credentials", body.text());
    if (!reply.isOk()) {
        (void)wallet.save();  // the old key, if any, is still the enrolled one
        return fail(reply.status());
    }
    wallet = next;
    std::cout << "已登记凭证 / credential enrolled: " << hex(credential.publicKey()) << "\n";
    return 0;
}

int cast(ApiClient& client, const Options& o, Wallet& wallet) {
    if (wallet.seed.empty()) return fail(Status::invalid("vote.not_enrolled", "Enroll first: yishi vote enroll …"));
    auto seed = crypto::fromHex(wallet.seed);
    if (!seed.isOk()) return fail(Status::invalid("wallet.corrupt", "The wallet's seed is not hex."));
    auto credential = election::Credential::fromSeed(seed.value());
    if (!credential.isOk()) return fail(credential.status());
    if (Status s = signIn(client, o); !s.isOk()) return fail(s);
    auto view = fetchElection(client, o.election);
    if (!view.isOk()) return fail(view.status());
    if (hex(crypto::asBytes(view->eid)) != wallet.eid) {
        return fail(Status::invalid("vote.manifest", "The election changed since this machine enrolled."));
    }
    auto y_bytes = unhex(view->json, "election_key");
    if (!y_bytes.isOk()) return fail(Status::conflict("ballot.not_open", "The election has no key yet: not open."));
    auto y = crypto::Point::parseNotIdentity(y_bytes.value());
    if (!y.isOk()) return fail(y.status());
    auto chosen = selections(o, view->manifest);
    if (!chosen.isOk()) return fail(chosen.status());
    auto ballot = credential->ballot(view->manifest, view->eid, y.value(), chosen.value());
    if (!ballot.isOk()) return fail(ballot.status());
    const std::string message = election::encodeMessage(ballot.value(), view->eid);
    JsonWriter body;
    body.beginObject().key("ballot").value(hex(message)).endObject();
    auto receipt = client.postJson("/api/v1/elections/" + std::to_string(o.election) + "/ballots", body.text());
    if (!receipt.isOk()) return fail(receipt.status());
    const Value* head_json = receipt->find("head");
    if (head_json == nullptr) return fail(Status::invalid("cli.bad_reply", "The receipt has no head."));
    auto head = unhex(*head_json, "bytes");
    auto proof = hashList(*receipt, "inclusion_proof");
    if (!head.isOk()) return fail(head.status());
    if (!proof.isOk()) return fail(proof.status());
    const std::int64_t index = intAt(*receipt, "index");
    const std::int64_t at = intAt(*receipt, "at");
    if (Status s = election::checkReceipt(view->manifest.board_pk, view->eid, message,
                                          static_cast<std::uint64_t>(index), at, head.value(), proof.value());
        !s.isOk()) {
        return fail(s);
    }
    const std::string hash = election::ballotHash(message);
    SavedReceipt saved{index, at, hex(hash), election::trackingCode(hash), hex(head.value()), hex(message)};
    wallet.receipts.push_back(saved);
    if (Status s = wallet.save(); !s.isOk()) return fail(s);
    std::cout << "已投票，回执已核验 / ballot cast, receipt verified\n"
              << "查验码 / tracking code: " << saved.tracking_code << "\n"
              << "位置 / entry: " << index << "\n";
    return 0;
}

int check(ApiClient& client, const Options& o, const Wallet& wallet) {
    auto view = fetchElection(client, o.election);
    if (!view.isOk()) return fail(view.status());
    auto latest_json = client.getJson("/api/v1/elections/" + std::to_string(o.election) + "/head");
    if (!latest_json.isOk()) return fail(latest_json.status());
    auto latest_bytes = unhex(*latest_json, "bytes");
    if (!latest_bytes.isOk()) return fail(latest_bytes.status());
    auto latest = election::TreeHead::parse(latest_bytes.value());
    if (!latest.isOk()) return fail(latest.status());
    if (wallet.receipts.empty()) std::cout << "本机没有投过票 / no ballot cast from this machine\n";
    const std::string prefix = "/api/v1/elections/" + std::to_string(o.election);
    for (const auto& r : wallet.receipts) {
        auto head_bytes = crypto::fromHex(r.head);
        auto ballot = crypto::fromHex(r.ballot);
        if (!head_bytes.isOk() || !ballot.isOk())
            return fail(Status::invalid("wallet.corrupt", "A receipt is damaged."));
        auto head = election::TreeHead::parse(head_bytes.value());
        if (!head.isOk()) return fail(head.status());
        auto consistency = client.getJson(prefix + "/proofs/consistency?from=" + std::to_string(head->size) +
                                          "&to=" + std::to_string(latest->size));
        if (!consistency.isOk()) return fail(consistency.status());
        auto proof = hashList(*consistency, "proof");
        if (!proof.isOk()) return fail(proof.status());
        if (Status s = election::checkExtends(view->manifest.board_pk, *head, latest_bytes.value(), proof.value());
            !s.isOk()) {
            return fail(s);
        }
        auto inclusion = client.getJson(prefix + "/proofs/inclusion?index=" + std::to_string(r.index) +
                                        "&size=" + std::to_string(latest->size));
        if (!inclusion.isOk()) return fail(inclusion.status());
        auto path = hashList(*inclusion, "proof");
        if (!path.isOk()) return fail(path.status());
        if (Status s = election::checkReceipt(view->manifest.board_pk, view->eid, ballot.value(),
                                              static_cast<std::uint64_t>(r.index), r.at_ms, latest_bytes.value(),
                                              path.value());
            !s.isOk()) {
            return fail(s);
        }
        std::cout << "选票仍在记录中 / ballot still in the log: " << r.tracking_code << " (entry " << r.index
                  << ", log size " << latest->size << ")\n";
    }
    return 0;
}

int show(ApiClient& client, const Options& o, const Wallet& wallet) {
    auto view = fetchElection(client, o.election);
    if (!view.isOk()) return fail(view.status());
    const auto& m = view->manifest;
    std::cout << m.title << "\n" << election::toString(m.kind) << ", choose " << m.min << ".." << m.max << "\n";
    for (std::size_t i = 0; i < m.options.size(); ++i) std::cout << "  " << i << "  " << m.options[i].label << "\n";
    std::cout << "election id: " << hex(crypto::asBytes(view->eid)) << "\n"
              << "credential on this machine: " << (wallet.seed.empty() ? "none" : "yes")
              << ", ballots cast: " << wallet.receipts.size() << "\n";
    return 0;
}

}  // namespace

int runVoteCommand(int argc, char** argv) {
    const auto options = parse(argc, argv);
    if (!options) {
        usage();
        return 64;
    }
    auto client = ApiClient::connect(options->server);
    if (!client.isOk()) return fail(client.status());
    auto wallet = Wallet::load(Wallet::pathFor(options->wallet_dir, options->server, options->election));
    if (!wallet.isOk()) return fail(wallet.status());
    const std::string& c = options->command;
    if (c == "enroll") return enroll(*client, *options, *wallet);
    if (c == "cast") return cast(*client, *options, *wallet);
    if (c == "check") return check(*client, *options, *wallet);
    if (c == "show") return show(*client, *options, *wallet);
    usage();
    return 64;
}

}  // namespace yishi::app
