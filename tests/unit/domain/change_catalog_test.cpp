// The catalog of changes is the single source of the plugin event contract:
// docs/plugins.md lists exactly its events, and every change the services
// record comes from it.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <tuple>

#include "yishi/domain/change.h"
#include "yishi/domain/proposal.h"
#include "yishi/domain/proposals_changes.h"

using namespace yishi::domain;

namespace {

// The event table of docs/plugins.md: event -> (subject, owner, quantity).
using EventRow = std::tuple<std::string, std::string, std::string>;

std::map<std::string, EventRow> documentedEvents() {
    std::ifstream in(std::string(YISHI_SOURCE_DIR) + "/docs/plugins.md");
    BOOST_REQUIRE(in.good());
    const std::regex row(R"(^\|\s*`([a-z_.]+)`\s*\|\s*([a-z_]+)\s*\|\s*([^|]*?)\s*\|\s*([^|]*?)\s*\|\s*$)");
    std::map<std::string, EventRow> out;
    std::string line;
    bool in_table = false;
    while (std::getline(in, line)) {
        if (line.find("<!-- events: begin") != std::string::npos) in_table = true;
        if (line.find("<!-- events: end") != std::string::npos) in_table = false;
        std::smatch m;
        if (in_table && std::regex_match(line, m, row)) {
            BOOST_TEST(out.count(m[1].str()) == 0u, "documented twice: " << m[1].str());
            out[m[1].str()] = {m[2].str(), m[3].str(), m[4].str()};
        }
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(change_catalog)

BOOST_AUTO_TEST_CASE(docs_list_exactly_the_events_of_the_catalog) {
    std::map<std::string, EventRow> from_catalog;
    for (const ChangeKind* k : changeCatalog()) {
        if (k->event.empty()) continue;
        const EventRow row{k->subject_kind, k->owner, k->quantity};
        auto [it, fresh] = from_catalog.emplace(k->event, row);
        // Two kinds may emit one event (submit and resubmit both lead to
        // proposal.submitted) only when they mean the same by it.
        BOOST_TEST((fresh || it->second == row), "one event, two meanings: " << k->event);
    }
    const std::map<std::string, EventRow> documented = documentedEvents();
    BOOST_TEST(from_catalog.size() >= 10u);
    for (const auto& [event, row] : from_catalog) {
        auto d = documented.find(event);
        BOOST_TEST((d != documented.end()), "event not in docs/plugins.md: " << event);
        if (d == documented.end()) continue;
        BOOST_TEST(std::get<0>(d->second) == std::get<0>(row), event << ": subject");
        BOOST_TEST(std::get<1>(d->second) == std::get<1>(row), event << ": owner");
        BOOST_TEST(std::get<2>(d->second) == std::get<2>(row), event << ": quantity");
    }
    for (const auto& [event, row] : documented) {
        BOOST_TEST(from_catalog.count(event) == 1u, "documented but never emitted: " << event);
    }
}

BOOST_AUTO_TEST_CASE(every_action_is_recorded_under_one_name) {
    std::set<std::string> actions;
    for (const ChangeKind* k : changeCatalog()) {
        BOOST_TEST(actions.insert(k->action).second, "two kinds share the action " << k->action);
        BOOST_TEST(!k->subject_kind.empty(), k->action << " has no subject kind");
        BOOST_TEST(inCatalog(*k));
    }
    const ChangeKind stray{"stray.change", "user", "", "", ""};
    BOOST_TEST(!inCatalog(stray));
}

BOOST_AUTO_TEST_CASE(a_lifecycle_step_emits_the_state_it_leads_to) {
    for (const ProposalTransition& t : proposalTransitions()) {
        const ChangeKind& k = proposalStep(t.action);
        BOOST_TEST(k.action == std::string("proposal.") + proposalActionName(t.action));
        BOOST_TEST(k.event == std::string("proposal.") + proposalStateName(t.to),
                   proposalActionName(t.action) << " leads to " << proposalStateName(t.to) << " but emits " << k.event);
    }
}

BOOST_AUTO_TEST_SUITE_END()
