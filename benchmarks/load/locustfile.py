"""What people do on ReConnect, for locust: one scenario per role.

Started by `benchmarks/load_test.py`, which prepares the accounts and passes them in LOAD_ACCOUNTS
(a JSON file: role -> list of signed-in session ids) and the web instances in LOAD_HOSTS (comma-
separated base URLs). Each request goes to one of the instances at random, as a load balancer
without sticky sessions would send it. Requests are grouped by page ("/forum/threads/[id]/").
"""

import itertools
import json
import os
import random
import re
import threading
from html.parser import HTMLParser
from pathlib import Path

from locust import HttpUser, between, task

HOSTS = [host.rstrip("/") for host in os.environ.get("LOAD_HOSTS", "http://127.0.0.1:8000").split(",")]
ACCOUNTS = json.loads(Path(os.environ["LOAD_ACCOUNTS"]).read_text()) if os.environ.get("LOAD_ACCOUNTS") else {}
_next_account = {role: itertools.cycle(sessions) for role, sessions in ACCOUNTS.items()}
_lock = threading.Lock()
WORDS = ["sleep", "walk", "today", "anxiety", "café", "garden", "music", "friends", "tired", "hope"]


class _Forms(HTMLParser):
    """The forms of a page: action, fields with their current values, and submit buttons."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "method": (a.get("method") or "get").lower(),
                               "fields": {}, "choices": {}, "buttons": []})  # fmt: skip
            return
        if not self.forms:
            return
        form = self.forms[-1]
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("radio", "checkbox"):
                form["choices"].setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    form["fields"][name] = a.get("value", "on")
            elif kind == "submit":
                form["buttons"].append((name, a.get("value", "")))
            elif kind != "file":
                form["fields"][name] = a.get("value", "")
        elif tag == "button" and name:
            form["buttons"].append((name, a.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = name
            form["fields"][name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            fields = form["fields"]
            if (self._select not in fields or "selected" in a) and a.get("value"):
                fields[self._select] = a["value"]

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea] += data


def forms_of(page, action: str) -> list[dict]:
    """The POST forms of a response whose action matches (a form without one posts to its page)."""
    parser = _Forms()
    parser.feed(page.text)
    here = re.sub(r"^https?://[^/]+", "", page.url)
    for form in parser.forms:
        form["action"] = form["action"] or here
    return [form for form in parser.forms if re.search(action, form["action"]) and form["method"] == "post"]


def links(html: str, pattern: str) -> list[str]:
    return sorted(set(re.findall(rf'href="({pattern})"', html)))


def sentence() -> str:
    return " ".join(random.choices(WORDS, k=8)).capitalize() + "."


class Person(HttpUser):
    abstract = True
    role = ""
    wait_time = between(3, 10)
    host = HOSTS[0]

    def on_start(self):
        with _lock:
            session = next(_next_account[self.role])
        for host in HOSTS:
            self.client.cookies.set("sessionid", session, domain=host.split("//")[1].split(":")[0])

    def get(self, path: str, name: str):
        with self.client.get(random.choice(HOSTS) + path, name=name, catch_response=True, allow_redirects=False) as r:
            if r.status_code != 200:
                r.failure(f"{r.status_code} on {path}")
            return r

    def submit(self, form: dict, name: str, **values) -> None:
        data = {**form["fields"], **values}
        for field, options in form["choices"].items():
            if field not in data and field not in ("show_pseudonym", "first_visit"):
                data[field] = random.choice(options)
        if form["buttons"] and "kind" not in data:
            button_name, button_value = form["buttons"][0]
            data[button_name] = button_value
        path = form["action"]
        with self.client.post(random.choice(HOSTS) + path, data=data, name=name, catch_response=True,
                              allow_redirects=False) as r:  # fmt: skip
            # A form that worked redirects; one re-shown with a message is a 200; anything else fails.
            if r.status_code not in (200, 302, 303):
                r.failure(f"{r.status_code} on POST {path}")

    def thread_page(self):
        index = self.get("/forum/", "/forum/")
        threads = links(index.text, r"/forum/threads/\d+/")
        if not threads:
            return None
        return self.get(random.choice(threads), "/forum/threads/[id]/")


class Member(Person):
    role = "member"
    weight = 17

    @task(2)
    def home(self):
        self.get("/", "/")

    @task(6)
    def read_a_thread(self):
        self.thread_page()

    @task(2)
    def react(self):
        page = self.thread_page()
        forms = forms_of(page, r"/forum/posts/\d+/react/") if page is not None else []
        if forms:
            self.submit(random.choice(forms), "/forum/posts/[id]/react/")

    @task(1)
    def reply(self):
        page = self.thread_page()
        forms = forms_of(page, r"/forum/threads/\d+/reply/") if page is not None else []
        if forms:
            self.submit(forms[0], "/forum/threads/[id]/reply/", body=sentence())

    @task(2)
    def search(self):
        self.get(f"/forum/search/?q={random.choice(WORDS)}", "/forum/search/?q=[word]")

    @task(1)
    def message_the_care_team(self):
        inbox = self.get("/messages/", "/messages/")
        conversations = links(inbox.text, r"/messages/\d+/")
        if not conversations:
            page = self.get("/messages/new/", "/messages/new/")
            for form in forms_of(page, r"/messages/new/"):
                self.submit(form, "/messages/new/", subject="A question", body=sentence())
            return
        page = self.get(random.choice(conversations), "/messages/[id]/")
        forms = forms_of(page, r"/messages/\d+/reply/")
        if forms:
            self.submit(forms[0], "/messages/[id]/reply/", body=sentence())

    @task(1)
    def check_in(self):
        page = self.get("/toolbox/check-ins/", "/toolbox/check-ins/")
        forms = forms_of(page, r"/toolbox/check-ins/")
        if forms:
            self.submit(forms[0], "/toolbox/check-ins/", note="")

    @task(1)
    def answer_a_cafe(self):
        index = self.get("/cafes/", "/cafes/")
        meetings = links(index.text, r"/cafes/\d+/")
        if not meetings:
            return
        page = self.get(random.choice(meetings), "/cafes/[id]/")
        forms = forms_of(page, r"/cafes/\d+/answer/")
        if forms:
            self.submit(forms[0], "/cafes/[id]/answer/")  # one of the answers the form offers


class Provider(Person):
    role = "provider"
    weight = 2

    @task(2)
    def dashboard(self):
        self.get("/provider/", "/provider/")

    @task(3)
    def read_and_answer(self):
        page = self.get("/provider/", "/provider/")
        conversations = links(page.text, r"/provider/conversations/\d+/")
        if not conversations:
            return
        page = self.get(random.choice(conversations), "/provider/conversations/[id]/")
        forms = forms_of(page, r"/provider/conversations/\d+/reply/")
        if forms and random.random() < 0.5:
            self.submit(forms[0], "/provider/conversations/[id]/reply/", body=sentence())

    @task(1)
    def a_member(self):
        page = self.get("/provider/", "/provider/")
        members = links(page.text, r"/provider/members/\d+/")
        if members:
            self.get(random.choice(members), "/provider/members/[id]/")


class Moderator(Person):
    role = "moderator"
    weight = 1

    @task(3)
    def queue(self):
        self.get("/moderation/", "/moderation/")

    @task(3)
    def work_an_item(self):
        queue = self.get("/moderation/", "/moderation/")
        items = links(queue.text, r"/moderation/items/\d+/")
        if not items:
            return
        page = self.get(random.choice(items), "/moderation/items/[id]/")
        forms = forms_of(page, r"/moderation/items/\d+/(approve|dismiss)/")
        if forms and random.random() < 0.5:
            self.submit(forms[0], "/moderation/items/[id]/[action]/")

    @task(1)
    def read_the_forum(self):
        self.thread_page()
