"""Routing an association to the right organisation: the municipality, or the wellbeing services county.

Since 2023 health and social services belong to the 21 wellbeing services counties. Helsinki organises them itself.
Åland's 16 municipalities are outside the reform: there the region's ÅHS handles health care and the municipalities'
joint KST social welfare, except child day care and elderly care, which each municipality keeps. A question that
names the county or the municipality goes there when the topic can be that organisation's; otherwise the reply says
whose the topic is and shows both. Every organisation shown comes with its official website (and its registry office
where the directory knows it), and the reply says where the hand-over would go: to the organisation's officials, or
to the administrators' national queue while no official has joined for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from bot.content.contacts import EXAMPLE_AREA, Contact, Contacts
from bot.content.directory import AlandService, Directory, FormerMunicipality, Municipality, WellbeingCounty
from bot.content.knowledge import Messages
from bot.content.sources import RegistryOffice, Source, Website
from bot.content.topics import ALAND_MUNICIPALITY, Topic, Topics
from bot.core.conversation import PendingRoute
from bot.core.lang import Lang
from bot.core.reply import Block, FollowUp, Reply
from bot.routing.counties import CountyFinder
from bot.routing.places import PlaceFinder
from bot.routing.topics import TopicFinder

AreaKind = Literal["municipality", "wellbeing_county", "aland"]
Queue = Literal["chat", "area", "national"]
# Finnish weekday abbreviations in opening hours ("ma–pe 8.15–16.00"), for a Swedish reader.
_WEEKDAYS_SV = {"ma": "mån", "ti": "tis", "ke": "ons", "to": "tors", "pe": "fre", "la": "lör", "su": "sön"}
_WEEKDAY = re.compile(r"\b(ma|ti|ke|to|pe|la|su)\b")


@dataclass(frozen=True, slots=True)
class Place:
    """A municipality as the question named it: today's municipality, and the one that joined it if that was the
    name used ("Pertunmaalla" → Mäntyharju)."""

    municipality: Municipality
    former: FormerMunicipality | None = None

    @property
    def code(self) -> str:
        """The code to continue from: the former one, so that the reply can still say it joined another."""
        return self.former.code if self.former is not None else self.municipality.code


@dataclass(frozen=True, slots=True)
class Area:
    kind: AreaKind
    id: str
    name_fi: str
    name_sv: str
    website: Website | None = None
    office: RegistryOffice | None = None  # the registry office, or an Åland organisation's general contact

    def name(self, lang: Lang) -> str:
        return self.name_fi if lang == "fi" else self.name_sv

    def as_json(self, lang: Lang) -> dict[str, str | None]:
        """The `route.area` of `kanebot ask --json`: keys are only ever added at the end."""
        website = self.website.url_for(lang) if self.website is not None else None
        return {"kind": self.kind, "id": self.id, "name_fi": self.name_fi, "name_sv": self.name_sv, "website": website}


@dataclass(frozen=True, slots=True)
class Decision:
    """Who handles a question: the organisations to show (the first takes a hand-over) and the message keys of the
    sentence saying why and of a second one where the place needs it."""

    areas: tuple[Area, ...]
    reason: str
    note: str | None = None


def municipality_area(municipality: Municipality, services: bool = False) -> Area:
    """The municipality; ``services``: as the organiser of its own health and social services (Helsinki's site)."""
    website = municipality.services_website if services and municipality.services_website else municipality.website
    return Area("municipality", municipality.code, municipality.name_fi, municipality.name_sv, website,
                municipality.registry_office)  # fmt: skip


def county_area(county: WellbeingCounty) -> Area:
    return Area("wellbeing_county", county.id, county.name_fi, county.name_sv, county.website, county.registry_office)


def aland_area(service: AlandService) -> Area:
    office = None
    if service.phone or service.email or service.postal_address:
        office = RegistryOffice(service.email, service.phone, service.postal_address, None, None,
                                service.website.source)  # fmt: skip
    return Area("aland", service.id, service.name_fi, service.name_sv, service.website, office)


class Router:
    def __init__(
        self,
        directory: Directory,
        places: PlaceFinder,
        topics: Topics,
        topic_finder: TopicFinder,
        contacts: Contacts,
        messages: Messages,
        staffed: frozenset[str] | None = None,
    ) -> None:
        self.directory = directory
        self.places = places
        self.topics = topics
        self.topic_finder = topic_finder
        self.contacts = contacts
        self.messages = messages
        self.counties = CountyFinder(directory)
        # The areas some official has joined for; None where it is not known (`kanebot ask` reads no database).
        self.staffed = staffed

    def with_staffed(self, staffed: frozenset[str]) -> Router:
        return Router(self.directory, self.places, self.topics, self.topic_finder, self.contacts, self.messages,
                      staffed)  # fmt: skip

    def municipality_in(self, text: str, fuzzy: bool = False) -> Municipality | None:
        place = self.place_in(text, fuzzy)
        return place.municipality if place is not None else None

    def county_in(self, text: str) -> WellbeingCounty | None:
        """A wellbeing services county named by its name ("Pirkanmaan hyvinvointialue", "i Österbotten")."""
        return self.counties.find(text)

    def place_in(self, text: str, fuzzy: bool = False, expected: bool = False) -> Place | None:
        """The first place the text names. ``fuzzy`` forgives a typo in a longer name; ``expected`` (the bot has
        just asked for the municipality) also takes a bare name that is an ordinary word, and a typo in a short one."""
        match = self.places.match(text, fuzzy or expected, expected)
        return Place(match.municipality, match.former) if match is not None else None

    def place(self, code: str) -> Place | None:
        """The place for a code kept from an earlier message (possibly one of a municipality that joined another)."""
        municipality = self.directory.municipality(code)
        return Place(municipality, self.directory.former_municipality(code)) if municipality is not None else None

    def decide(self, municipality: Municipality, topic: Topic, question: str = "") -> Decision:
        """Who handles ``topic`` in ``municipality``, honouring the organisation the question names."""
        named = self.topic_finder.named(self.places.without_names(question))
        if municipality.services_kind == "aland":
            return self._aland(municipality, topic, question, named)
        own = municipality_area(municipality, services=topic.level != "municipality")
        county = self.directory.county_of(municipality)
        if municipality.services_kind == "self" or county is None:
            # Helsinki keeps its rule: it organises the health and social services itself, whatever is named.
            reason = "reason_municipality" if topic.level == "municipality" else "reason_helsinki"
            return Decision((own,), "reason_named_county_helsinki" if "wellbeing_county" in named else reason)
        by_county = county_area(county)
        if topic.level == "municipality":
            if "wellbeing_county" in named:
                key = "reason_named_both" if "municipality" in named else "reason_named_county_municipal_topic"
                return Decision((own, by_county), key)
            return Decision((own,), "reason_municipality")
        if topic.level == "wellbeing_county":
            if "municipality" in named:
                key = "reason_named_both" if "wellbeing_county" in named else "reason_named_municipality_county_topic"
                return Decision((by_county, own), key)
            return Decision((by_county,), "reason_county")
        if named == {"wellbeing_county"}:
            return Decision((by_county,), "reason_named_county_both")
        if named == {"municipality"}:
            return Decision((own,), "reason_named_municipality_both")
        return Decision((own, by_county), "reason_both")

    def _aland(self, municipality: Municipality, topic: Topic, question: str, named: frozenset[str]) -> Decision:
        """Åland: the topic's handlers (ÅHS, KST, the municipality), narrowed down by the question's words."""
        own = municipality_area(municipality)
        handlers = list(topic.aland) or [ALAND_MUNICIPALITY]
        if any(handler != ALAND_MUNICIPALITY for handler in handlers):
            handlers = self.topic_finder.aland_handlers(question) or handlers
        services = [self.directory.aland_service(handler) for handler in handlers if handler != ALAND_MUNICIPALITY]
        areas = [aland_area(service) for service in services if service is not None]
        if ALAND_MUNICIPALITY in handlers or not areas:
            areas.append(own)
        if topic.level == "municipality":
            reason = "reason_municipality"
        elif areas == [own]:
            reason = "reason_aland" if ALAND_MUNICIPALITY in topic.aland else "reason_aland_municipality"
        elif len(areas) == 1:
            reason = f"reason_aland_{areas[0].id}"
        else:
            reason = "reason_aland_services" if own not in areas else "reason_aland_mixed"
        note = "named_county_aland" if "wellbeing_county" in named else None
        if "municipality" in named and own not in areas:
            areas.append(own)
            note = "named_municipality_aland"
        return Decision(tuple(areas), reason, note)

    def queue(self, area: Area, topic: Topic) -> Queue | None:
        """Where a hand-over to ``area`` goes: a registered chat, the area's officials, or the administrators'
        national queue while no official has joined for the area. None when that is not known here."""
        if self.chat_for(area, topic) is not None:
            return "chat"
        if self.staffed is None:
            return None
        return "area" if area.id in self.staffed else "national"

    def chat_for(self, area: Area, topic: Topic) -> int | None:
        chats = [c.telegram_chat for c in self.contacts.for_area(area.id, topic.id) if c.telegram_chat is not None]
        return chats[0] if chats else None

    def route(
        self,
        question: str,
        lang: Lang,
        place: Place | None,
        topic: Topic | None,
        remembered: bool = False,
    ) -> Reply:
        """A route, or a question back for what is missing (the place first, then the topic)."""
        if place is None:
            pending = PendingRoute(question, topic.id if topic else None, None)
            return Reply(
                "clarify",
                lang,
                (Block("text", self.messages.get("ask_municipality", lang)),),
                clarify="municipality",
                pending=pending,
            )
        municipality = place.municipality
        merger = [Block("note", self.merger_note(place.former, municipality, lang))] if place.former else []
        if topic is None:
            pending = PendingRoute(question, None, place.code)
            text = self.messages.get("ask_topic", lang, place=municipality.name(lang))
            buttons = tuple(FollowUp(f"topic:{t.id}", t.name(lang)) for t in self.topics.topics)
            asked = (Block("text", text), *merger)
            return Reply("clarify", lang, asked, clarify="topic", followups=buttons, pending=pending)
        decision = self.decide(municipality, topic, question)
        names = [self.area_name(area, lang) for area in decision.areas]
        reason = self._reason(decision, municipality, topic, lang, with_note=False)
        blocks: list[Block] = [
            Block("title", self.messages.get("route_title", lang, area=" · ".join(names))),
            Block("text", reason),
        ]
        if decision.note is not None:
            blocks.append(Block("text", self.messages.get(decision.note, lang)))
        blocks += merger
        contacts: list[Contact] = []
        for area in decision.areas:
            found = self.contacts_of(area, topic)
            contacts += found
            blocks += self._area_blocks(area, found, lang, titled=len(decision.areas) > 1)
        if any(lang in contact.untranslated for contact in contacts):
            blocks.append(Block("note", self.messages.get("text_pending", lang)))
        queue = self.queue(decision.areas[0], topic)
        if queue is not None:
            key = "handoff_offer_national" if queue == "national" else "handoff_offer"
            blocks.append(Block("note", self.messages.get(key, lang, area=names[0])))
        if remembered:
            blocks.append(Block("note", self.messages.get("using_remembered", lang, place=municipality.name(lang))))
        followups = [FollowUp("handoff", self.messages.get("action_handoff", lang))]
        if not remembered:
            followups.append(FollowUp(f"remember:{municipality.code}", self.messages.get("action_remember", lang)))
        route: dict[str, Any] = {
            "topic": topic.id,
            "level": topic.level,
            "municipality": {
                "code": municipality.code,
                "name_fi": municipality.name_fi,
                "name_sv": municipality.name_sv,
            },
            "area": decision.areas[0].as_json(lang),
            "contacts": [contact.as_json(lang) for contact in contacts],
            "reason": reason,
            "areas": [area.as_json(lang) for area in decision.areas],
        }
        pending = PendingRoute(question, topic.id, municipality.code)
        return Reply("route", lang, tuple(blocks), score=1.0, route=route, followups=tuple(followups), pending=pending)

    def who_handles(self, municipality: Municipality, topic: Topic, lang: Lang, question: str = "") -> str:
        """One sentence: which organisation handles ``topic`` in ``municipality`` (for a reply that is no route)."""
        decision = self.decide(municipality, topic, question)
        return self._reason(decision, municipality, topic, lang)

    def _reason(
        self, decision: Decision, municipality: Municipality, topic: Topic, lang: Lang, with_note: bool = True
    ) -> str:
        """The sentence saying why these organisations (and the place's second sentence, ``with_note``)."""
        county = self.directory.county_of(municipality)
        values = {
            "topic": topic.name(lang),
            "area": " / ".join(self.area_name(area, lang) for area in decision.areas),
            "municipality": municipality.name(lang),
            "county": county.name(lang) if county is not None else "",
        }
        reason = self.messages.get(decision.reason, lang, **values)
        if with_note and decision.note is not None:
            reason += " " + self.messages.get(decision.note, lang)
        return reason

    def contacts_of(self, area: Area, topic: Topic) -> list[Contact]:
        return [c for c in self.contacts.for_area(area.id, topic.id) if not c.example or area.id == EXAMPLE_AREA]

    def _area_blocks(self, area: Area, contacts: list[Contact], lang: Lang, titled: bool) -> list[Block]:
        """The organisation's registered contacts, or else its general ones (registry office, or an Åland
        organisation's phone and address); always its website; the sources and their dates in small print."""
        blocks = [Block("title", self.area_name(area, lang))] if titled else []
        blocks += [Block("item", self.contact_line(contact, lang)) for contact in contacts]
        sources: list[str] = []
        if not contacts:
            blocks.append(Block("text", self.messages.get("no_contact", lang, area=self.area_name(area, lang))))
            if area.office is not None:
                key = "general_contact_line" if area.kind == "aland" else "registry_office_line"
                details = self.office_details(area.office, lang)
                blocks.append(Block("item", self.messages.get(key, lang, details=details)))
                if area.kind != "aland":  # an Åland organisation's details come from the same source as its site
                    sources.append(self.source_text(area.office.source, lang, "source_registry_office"))
        if area.website is not None:
            blocks.append(Block("item", self.messages.get("website_line", lang, url=area.website.url_for(lang))))
            key = "source_details" if area.kind == "aland" else "source_website"
            sources.insert(0, self.source_text(area.website.source, lang, key))
        return [*blocks, Block("note", " · ".join(sources))] if sources else blocks

    def source_text(self, source: Source, lang: Lang, key: str) -> str:
        """ "Verkkosivun lähde: Wikidata (CC0), 30.4.2026": where an address comes from, and as of when."""
        origin = self.messages.get(f"source_kind_{source.kind}", lang)
        date = source.shown_date()
        return self.messages.get(key if date else f"{key}_undated", lang, source=origin, date=date or "")

    def office_details(self, office: RegistryOffice, lang: Lang) -> str:
        parts = [part for part in (office.email, office.phone, office.postal_address) if part]
        if office.visiting_address:
            parts.append(self.messages.get("visiting_address", lang, address=office.visiting_address))
        if office.hours:
            hours = office.hours if lang == "fi" else _WEEKDAY.sub(lambda day: _WEEKDAYS_SV[day[1]], office.hours)
            parts.append(self.messages.get("office_hours", lang, hours=hours))
        return " – ".join(parts)

    def merger_note(self, former: FormerMunicipality, municipality: Municipality, lang: Lang) -> str:
        date = f"{former.date.day}.{former.date.month}.{former.date.year}"
        return self.messages.get(
            "merged_note", lang, former=former.name(lang), current=municipality.name(lang), date=date
        )

    def area_name(self, area: Area, lang: Lang) -> str:
        """ "Vaasa (kunta)" / "Pohjanmaan hyvinvointialue": Finnish names cannot be inflected into "Vaasan kaupunki"."""
        if area.kind == "municipality":
            return self.messages.get("area_municipality", lang, name=area.name(lang))
        return area.name(lang)

    def area(self, area_id: str) -> Area | None:
        """The organisation with this id: a municipality code, a county id or an Åland organisation's id."""
        municipality = self.directory.municipality(area_id)
        if municipality is not None:
            return municipality_area(municipality)
        county = self.directory.county(area_id)
        if county is not None:
            return county_area(county)
        service = self.directory.aland_service(area_id)
        return aland_area(service) if service is not None else None

    def area_label(self, area_id: str, lang: Lang) -> str:
        """A municipality's or a county's name in ``lang``, for an area id."""
        area = self.area(area_id)
        return area.name(lang) if area is not None else area_id

    def contact_line(self, contact: Contact, lang: Lang) -> str:
        parts = [contact.name(lang)]
        parts += [part for part in (contact.person, contact.role(lang) if contact.role else None) if part]
        parts += [part for part in (contact.email, contact.phone, contact.web) if part]
        return " – ".join(parts)
