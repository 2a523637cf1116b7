"""Routing an association to the right organisation: the municipality, or the wellbeing services county.

Since 2023 health and social services belong to the 21 wellbeing services counties. Helsinki organises them itself,
and Åland's 16 municipalities are outside the reform, so for those the municipality handles every topic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.content.contacts import EXAMPLE_AREA, Contact, Contacts
from bot.content.directory import Directory, Municipality, WellbeingCounty
from bot.content.knowledge import Messages
from bot.content.topics import Topic, Topics
from bot.core.conversation import PendingRoute
from bot.core.lang import Lang
from bot.core.reply import Block, FollowUp, Reply
from bot.routing.counties import CountyFinder
from bot.routing.places import PlaceFinder
from bot.routing.topics import TopicFinder


@dataclass(frozen=True, slots=True)
class Area:
    kind: str  # "municipality" | "wellbeing_county"
    id: str
    name_fi: str
    name_sv: str

    def name(self, lang: Lang) -> str:
        return self.name_fi if lang == "fi" else self.name_sv

    def as_json(self) -> dict[str, str]:
        return {"kind": self.kind, "id": self.id, "name_fi": self.name_fi, "name_sv": self.name_sv}


class Router:
    def __init__(
        self,
        directory: Directory,
        places: PlaceFinder,
        topics: Topics,
        topic_finder: TopicFinder,
        contacts: Contacts,
        messages: Messages,
    ) -> None:
        self.directory = directory
        self.places = places
        self.topics = topics
        self.topic_finder = topic_finder
        self.contacts = contacts
        self.messages = messages
        self.counties = CountyFinder(directory)

    def municipality_in(self, text: str, fuzzy: bool = False) -> Municipality | None:
        return self.places.find(text, fuzzy)

    def county_in(self, text: str) -> WellbeingCounty | None:
        """A wellbeing services county named by its name ("Pirkanmaan hyvinvointialue", "i Österbotten")."""
        return self.counties.find(text)

    def areas(self, municipality: Municipality, topic: Topic) -> tuple[list[Area], str]:
        """The organisations that handle ``topic`` in ``municipality``, and the key of the reason to give."""
        own = Area("municipality", municipality.code, municipality.name_fi, municipality.name_sv)
        county = self.directory.county(municipality.county_id) if municipality.county_id else None
        county_area = Area("wellbeing_county", county.id, county.name_fi, county.name_sv) if county else None
        if topic.level == "municipality":
            return [own], "reason_municipality"
        if municipality.services_kind == "self":
            return [own], "reason_helsinki"
        if municipality.services_kind == "aland" or county_area is None:
            return [own], "reason_aland"
        if topic.level == "both":
            return [own, county_area], "reason_both"
        return [county_area], "reason_county"

    def route(
        self,
        question: str,
        lang: Lang,
        municipality: Municipality | None,
        topic: Topic | None,
        remembered: bool = False,
    ) -> Reply:
        """A route, or a question back for what is missing (the place first, then the topic)."""
        if municipality is None:
            pending = PendingRoute(question, topic.id if topic else None, None)
            return Reply(
                "clarify",
                lang,
                (Block("text", self.messages.get("ask_municipality", lang)),),
                clarify="municipality",
                pending=pending,
            )
        if topic is None:
            pending = PendingRoute(question, None, municipality.code)
            text = self.messages.get(
                "ask_topic", lang, place=municipality.name_fi if lang == "fi" else municipality.name_sv
            )
            buttons = tuple(FollowUp(f"topic:{t.id}", t.name(lang)) for t in self.topics.topics)
            return Reply("clarify", lang, (Block("text", text),), clarify="topic", followups=buttons, pending=pending)
        areas, reason_key = self.areas(municipality, topic)
        names = [self.area_name(area, lang) for area in areas]
        reason = self.messages.get(reason_key, lang, topic=topic.name(lang), area=" / ".join(names))
        blocks = [Block("title", self.messages.get("route_title", lang, area=" · ".join(names))), Block("text", reason)]
        contacts: list[Contact] = []
        for area in areas:
            found = [c for c in self.contacts.for_area(area.id, topic.id) if not c.example or area.id == EXAMPLE_AREA]
            contacts += found
            if not found:
                blocks.append(Block("note", self.messages.get("no_contact", lang, area=self.area_name(area, lang))))
        blocks += [Block("item", self.contact_line(contact, lang)) for contact in contacts]
        if any(lang in contact.untranslated for contact in contacts):
            blocks.append(Block("note", self.messages.get("text_pending", lang)))
        if remembered:
            place = municipality.name_fi if lang == "fi" else municipality.name_sv
            blocks.append(Block("note", self.messages.get("using_remembered", lang, place=place)))
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
            "area": areas[0].as_json(),
            "contacts": [contact.as_json(lang) for contact in contacts],
            "reason": reason,
            "areas": [area.as_json() for area in areas],
        }
        pending = PendingRoute(question, topic.id, municipality.code)
        return Reply("route", lang, tuple(blocks), score=1.0, route=route, followups=tuple(followups), pending=pending)

    def who_handles(self, municipality: Municipality, topic: Topic, lang: Lang) -> str:
        """One sentence: which organisation handles ``topic`` in ``municipality`` (for a reply that is no route)."""
        areas, reason_key = self.areas(municipality, topic)
        names = " / ".join(self.area_name(area, lang) for area in areas)
        return self.messages.get(reason_key, lang, topic=topic.name(lang), area=names)

    def area_name(self, area: Area, lang: Lang) -> str:
        """ "Vaasa (kunta)" / "Pohjanmaan hyvinvointialue": Finnish names cannot be inflected into "Vaasan kaupunki"."""
        if area.kind == "municipality":
            return self.messages.get("area_municipality", lang, name=area.name(lang))
        return area.name(lang)

    def area_label(self, area_id: str, lang: Lang) -> str:
        """A municipality's or a county's name in ``lang``, for an area id."""
        municipality = self.directory.municipality(area_id)
        if municipality is not None:
            return municipality.name_fi if lang == "fi" else municipality.name_sv
        county = self.directory.county(area_id)
        if county is not None:
            return county.name_fi if lang == "fi" else county.name_sv
        return area_id

    def contact_line(self, contact: Contact, lang: Lang) -> str:
        parts = [contact.name(lang)]
        parts += [part for part in (contact.person, contact.role(lang) if contact.role else None) if part]
        parts += [part for part in (contact.email, contact.phone, contact.web) if part]
        return " – ".join(parts)
