#include "vote/wallet.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "yishi/common/json.h"
#include "yishi/common/json_writer.h"

namespace yishi::app {

namespace {

std::string stringAt(const Value& v, std::string_view key) {
    const Value* f = v.find(key);
    return f != nullptr && f->isString() ? f->asString() : std::string();
}

std::int64_t intAt(const Value& v, std::string_view key) {
    const Value* f = v.find(key);
    return f != nullptr && f->isInt() ? f->asInt() : 0;
}

}  // namespace

std::string Wallet::pathFor(const std::string& dir, const std::string& server, std::int64_t election) {
    std::string base = dir;
    if (base.empty()) {
        const char* home = std::getenv("HOME");
        base = std::string(home != nullptr ? home : ".") + "/.yishi/wallet";
    }
    std::string name = server.substr(server.find("//") == std::string::npos ? 0 : server.find("//") + 2);
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') c = '_';
    }
    return base + "/" + name + "_" + std::to_string(election) + ".json";
}

Result<Wallet> Wallet::load(const std::string& path) {
    Wallet wallet;
    wallet.path = path;
    std::ifstream in(path);
    if (!in) return wallet;
    std::stringstream text;
    text << in.rdbuf();
    auto value = parseJson(text.str());
    if (!value.isOk() || !value->isObject()) {
        return Status::invalid("wallet.corrupt", "The wallet file " + path + " is not a yishi wallet.");
    }
    wallet.server = stringAt(*value, "server");
    wallet.election = intAt(*value, "election");
    wallet.eid = stringAt(*value, "eid");
    wallet.seed = stringAt(*value, "seed");
    if (const Value* receipts = value->find("receipts"); receipts != nullptr && receipts->isArray()) {
        for (const Value& r : receipts->asArray()) {
            wallet.receipts.push_back(SavedReceipt{intAt(r, "index"), intAt(r, "at"), stringAt(r, "ballot_hash"),
                                                   stringAt(r, "tracking_code"), stringAt(r, "head"),
                                                   stringAt(r, "ballot")});
        }
    }
    return wallet;
}

Status Wallet::save() const {
    JsonWriter w;
    w.beginObject().key("server").value(server).key("election").value(election);
    w.key("eid").value(eid).key("seed").value(seed).key("receipts").beginArray();
    for (const auto& r : receipts) {
        w.beginObject().key("index").value(r.index).key("at").value(r.at_ms).key("ballot_hash").value(r.ballot_hash);
        w.key("tracking_code").value(r.tracking_code).key("head").value(r.head).key("ballot").value(r.ballot);
        w.endObject();
    }
    w.endArray().endObject();
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    const std::string temporary = path + ".tmp";
    {
        const mode_t old = umask(077);
        std::ofstream out(temporary, std::ios::trunc);
        umask(old);
        out << w.text() << "\n";
        if (!out) return Status::unavailable("wallet.write", "Cannot write " + temporary + ".");
    }
    chmod(temporary.c_str(), 0600);
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        return Status::unavailable("wallet.write", "Cannot replace " + path + ".");
    }
    return Status::ok();
}

}  // namespace yishi::app
