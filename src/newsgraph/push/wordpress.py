"""Push articles to WordPress over its REST API: one post per article, never two.

A post is found again by the newsgraph id kept in its meta (the must-use plugin
``newsgraph-meta.php`` registers the meta and a route that looks it up), so a second
push updates the same post even after the headline or slug changed, restores a post
that was moved to the trash, and recreates one that was deleted. Nothing is written
when the post already says what the article says. Authors, tags and categories are
found by name, or created.

The site is checked before anything is written: that the REST API answers, that the
user and application password are accepted, that the user may write (and publish)
posts, and that the plugin is installed (WordPress silently drops unregistered meta).
"""

from __future__ import annotations

import html
import json
import re
import secrets
from dataclasses import dataclass, field
from typing import Any, Iterable, Literal
from urllib.parse import urlencode

from ..errors import UsageError
from ..exporters.base import ExportOptions
from ..model import Article, normalise_name
from .http import (
    AmbiguousError,
    AuthError,
    Client,
    HTTPStatusError,
    NotJSONError,
    PushError,
    basic_auth,
    idempotency_key,
)
from .post import META_KEYS, PostFields, post_fields
from .report import Items, PushOutcome, PushReport, run

Status = Literal["draft", "publish"]
# Every status a post of ours can be in; 'trash' so that a trashed post is restored, not doubled.
POST_STATUSES = "publish,future,draft,pending,private,trash"
PLUGIN = "src/newsgraph/push/newsgraph-meta.php"
CREATE_TRIES = 3


@dataclass(frozen=True)
class WordPressOptions:
    # New posts get this status (None: draft). Existing posts keep theirs unless a status
    # is given: a correction pushed with the defaults must not unpublish a live story.
    status: Status | None = None
    dry_run: bool = False
    export: ExportOptions = field(default_factory=ExportOptions)


class Site:
    """One WordPress site's REST API, used as one user."""

    def __init__(self, url: str, user: str, app_password: str, *, client: Client | None = None) -> None:
        if not re.match(r"^https?://[^/\s]+", url):
            raise UsageError(f"{url!r} is not a web address", "give the site's address, e.g. https://example.org")
        if not user:
            raise UsageError("no WordPress user given", "pass --user or set NEWSGRAPH_WP_USER")
        if not app_password.strip():
            raise UsageError(
                "the application password is empty",
                "create one in wp-admin under Users > Profile > Application Passwords",
            )
        self.url = url.rstrip("/")
        self.user = user
        self.client = client or Client()
        self.client.headers["Authorization"] = basic_auth(user, app_password.strip())
        self.root: str | None = None
        self.me: dict[str, Any] = {}
        self.can_embed_scripts = False
        self.can_query_by_id = False
        self._terms: dict[tuple[str, str], int] = {}
        self._users: dict[str, int] = {}

    # --- requests ---

    def endpoint(self, route: str, **query: Any) -> str:
        assert self.root is not None, "call connect() first"
        params = {k: v for k, v in query.items() if v is not None}
        route = "/" + route.strip("/")
        if "rest_route=" in self.root:
            base = self.root.split("?", 1)[0]
            return f"{base}?{urlencode({'rest_route': route, **params}, safe='/,:')}"
        return self.root.rstrip("/") + route + (f"?{urlencode(params, safe='/,:')}" if params else "")

    def get(self, route: str, **query: Any) -> Any:
        return self._call("GET", self.endpoint(route, **query))

    def write(self, route: str, body: dict[str, Any], *, idempotent: bool) -> Any:
        key = idempotency_key("POST", route, json.dumps(body, sort_keys=True, ensure_ascii=False))
        return self._call("POST", self.endpoint(route), body, idempotent=idempotent, headers={"Idempotency-Key": key})

    def _call(
        self,
        method: str,
        url: str,
        body: Any = None,
        *,
        idempotent: bool | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        try:
            return self.client.request(method, url, json_body=body, idempotent=idempotent, headers=headers).json()
        except AuthError as err:
            raise self._login_error(err) if err.status == 401 else err from None

    def _login_error(self, err: AuthError) -> AuthError:
        said = f": {err.said}" if err.said else ""
        return AuthError(
            f"WordPress at {self.url} did not accept user {self.user!r} with this application password "
            f"(HTTP 401 {err.code or ''}{said})",
            "check the user name and the application password (wp-admin: Users > Profile > "
            "Application Passwords); if both are right, the web server may be dropping the "
            "Authorization header before PHP sees it (Apache: CGIPassAuth On)",
            status=401,
            code=err.code,
            said=err.said,
        )

    # --- checks before writing ---

    def connect(self, *, publish: bool = False) -> None:
        """Find the REST API, log in, and check the user's rights and the plugin."""
        self.root, namespaces = self._discover()
        self.can_query_by_id = "newsgraph/v1" in namespaces
        self.me = self.get("wp/v2/users/me", context="edit")
        caps = self.me.get("capabilities") or {}
        roles = ", ".join(self.me.get("roles") or []) or "no role"
        if not caps.get("edit_posts"):
            raise AuthError(
                f"WordPress user {self.user!r} ({roles}) may not write posts",
                "give the user the Author, Editor or Administrator role, or push as another user",
                status=403,
            )
        if publish and not caps.get("publish_posts"):
            raise AuthError(
                f"WordPress user {self.user!r} ({roles}) may not publish posts",
                "push with --status draft, or give the user the Author, Editor or Administrator role",
                status=403,
            )
        # Without unfiltered_html, WordPress strips <script> from the body but keeps its text.
        self.can_embed_scripts = bool(caps.get("unfiltered_html"))
        self._check_plugin()

    def _discover(self) -> tuple[str, list[str]]:
        if "rest_route=" in self.url or self.url.endswith("/wp-json"):
            candidates = [self.url + ("/" if self.url.endswith("/wp-json") else "")]
        else:
            candidates = [self.url + "/wp-json/", self.url + "/?rest_route=/"]
        for candidate in candidates:
            try:
                index = self.client.request("GET", candidate).json()
            except (HTTPStatusError, NotJSONError):
                continue
            except AuthError as err:
                if err.status == 401:
                    raise self._login_error(err) from None
                said = f": {err.said}" if err.said else ""
                raise PushError(
                    f"the REST API of {self.url} refuses requests (HTTP 403 {err.code or ''}{said})",
                    "a security plugin or the web server blocks it: allow the REST API "
                    "(wp/v2 and newsgraph/v1) for this user",
                ) from None
            if isinstance(index, dict) and "wp/v2" in (index.get("namespaces") or []):
                return candidate, list(index["namespaces"])
        raise PushError(
            f"no WordPress REST API at {self.url} (tried {' and '.join(candidates)})",
            "give the site's own address (e.g. https://example.org); if it is WordPress, "
            "a plugin or the web server may be blocking the REST API",
        )

    def _check_plugin(self) -> None:
        try:
            schema = self.client.request("OPTIONS", self.endpoint("wp/v2/posts")).json()
        except HTTPStatusError as err:
            raise PushError(
                f"cannot read the posts schema of {self.url} ({err.what})", "let OPTIONS requests reach WordPress"
            ) from None
        meta = (((schema.get("schema") or {}).get("properties") or {}).get("meta") or {}).get("properties") or {}
        missing = [key for key in META_KEYS if key not in meta]
        if missing:
            raise PushError(
                f"{self.url} does not register the post meta newsgraph writes ({', '.join(missing)}); "
                "WordPress would silently drop it",
                f"install newsgraph's must-use plugin: copy {PLUGIN} into wp-content/mu-plugins/",
            )

    # --- authors, tags, categories ---

    def term_id(self, taxonomy: str, name: str, *, create: bool) -> int | None:
        """The id of the tag or category called ``name``; created when missing (None in a dry run)."""
        key = (taxonomy, name.casefold())
        if key in self._terms:
            return self._terms[key]
        for term in self.get(f"wp/v2/{taxonomy}", search=name, per_page=100, _fields="id,name"):
            if html.unescape(term.get("name", "")).casefold() == name.casefold():
                self._terms[key] = int(term["id"])
                return self._terms[key]
        if not create:
            return None
        try:
            term = self.write(f"wp/v2/{taxonomy}", {"name": name}, idempotent=True)
            term_id = int(term["id"])
        except HTTPStatusError as err:
            # Another writer (or an earlier, interrupted attempt) made it meanwhile.
            if err.code == "term_exists" and isinstance(err.data, dict) and "term_id" in err.data:
                term_id = int(err.data["term_id"])
            else:
                raise
        except AuthError as err:
            raise AuthError(
                f"WordPress user {self.user!r} may not create the {_singular(taxonomy)} {name!r}"
                f" ({err.code}: {err.said})",
                "create it in WordPress, or push as an Editor or Administrator",
                status=err.status,
                code=err.code,
                said=err.said,
            ) from None
        self._terms[key] = term_id
        return term_id

    def user_id(self, name: str, *, create: bool) -> int | None:
        """The id of the WordPress user for the author ``name``; created (role Author) when missing."""
        slug = normalise_name(name)
        if slug in self._users:
            return self._users[slug]
        found = self._find_user(name, slug)
        if found is None and create:
            found = self._create_user(name, slug)
        if found is not None:
            self._users[slug] = found
        return found

    def _find_user(self, name: str, slug: str) -> int | None:
        by_slug = self.get("wp/v2/users", slug=slug, _fields="id,name,slug")
        if by_slug:
            return int(by_slug[0]["id"])
        for user in self.get("wp/v2/users", search=name, per_page=100, _fields="id,name,slug"):
            if html.unescape(user.get("name", "")).casefold() == name.casefold():
                return int(user["id"])
        return None

    def _create_user(self, name: str, slug: str) -> int:
        body = {
            "username": slug,
            "slug": slug,
            "name": name,
            "nickname": name,
            # WordPress needs an address and a password; neither is used to log in:
            # .invalid can never receive mail, and the password is thrown away.
            "email": f"{slug}@newsgraph.invalid",
            "password": secrets.token_urlsafe(24),
            "roles": ["author"],
        }
        try:
            return int(self.write("wp/v2/users", body, idempotent=True)["id"])
        except AuthError as err:
            raise AuthError(
                f"WordPress user {self.user!r} may not create the author {name!r} ({err.code}: {err.said})",
                f"create a WordPress user with the slug {slug!r} for {name}, or push as an Administrator",
                status=err.status,
                code=err.code,
                said=err.said,
            ) from None
        except HTTPStatusError as err:
            if err.code in ("existing_user_login", "existing_user_email"):
                again = self._find_user(name, slug)
                if again is not None:
                    return again
                raise PushError(
                    f"a WordPress user {slug!r} exists but {self.user!r} cannot see it",
                    "push as an Administrator, or rename that user",
                ) from None
            raise

    # --- posts ---

    def find_post(self, article_id: str, slug: str) -> dict[str, Any] | None:
        """The post holding ``article_id``, in any status (trash included), or None.

        Raises AuthError when the post exists but this user may not edit it: making a
        second post would be the one wrong answer.
        """
        if self.can_query_by_id:
            listed = self.get("newsgraph/v1/posts", newsgraph_id=article_id)
            # A live post wins over a trashed copy; the oldest over later ones.
            listed.sort(key=lambda p: (p.get("status") == "trash", p["id"]))
            for entry in listed:
                if not entry.get("editable"):
                    raise AuthError(
                        f"the article is already post {entry['id']} ({entry.get('status')}), "
                        f"which WordPress user {self.user!r} may not edit",
                        "push as an Editor or Administrator, or as the post's author",
                        status=403,
                    )
                post = self.get(f"wp/v2/posts/{entry['id']}", context="edit")
                if (post.get("meta") or {}).get("newsgraph_id") == article_id:
                    return dict(post)
            return None
        # An older plugin without the lookup route: the slug is the other key we write.
        found = self.get("wp/v2/posts", slug=slug, status=POST_STATUSES, context="edit")
        mine = [p for p in found if (p.get("meta") or {}).get("newsgraph_id") == article_id]
        mine.sort(key=lambda p: (p.get("status") == "trash", p["id"]))
        return mine[0] if mine else None

    def push(self, article: Article, options: WordPressOptions) -> PushOutcome:
        """Create or update the post of one article (in a dry run, only say what would change)."""
        fields = post_fields(article, options=options.export, embed_jsonld=self.can_embed_scripts)
        outcome = PushOutcome(input="", article=article.id)
        if not self.can_embed_scripts:
            outcome.warnings.append(
                f"user {self.user!r} lacks unfiltered_html, so the JSON-LD is kept in "
                "post meta only (the plugin prints it in the page head)"
            )
        create = not options.dry_run
        payload, new = self._payload(fields, options.status or "draft", create=create, warnings=outcome.warnings)
        post = self.find_post(article.id, fields.slug)
        if post is not None and options.status is None and post.get("status") != "trash":
            payload.pop("status")
        if post is None:
            outcome.action = "would create" if options.dry_run else "created"
            outcome.changes = ["post"] + new
            if options.dry_run:
                return outcome
            post, existed = self._create(article.id, fields.slug, payload)
            if existed:
                outcome.warnings.append("an earlier attempt had created the post; it was updated instead")
        else:
            changes = differences(post, payload)
            restoring = post.get("status") == "trash"  # restored as a draft unless a status is given
            if not changes:
                outcome.action, outcome.target = "unchanged", _where(post)
                return outcome
            outcome.changes = changes + new
            outcome.action = (
                ("would restore" if restoring else "would update")
                if options.dry_run
                else ("restored" if restoring else "updated")
            )
            if options.dry_run:
                outcome.target = _where(post)
                return outcome
            post = self.write(f"wp/v2/posts/{post['id']}", _update_body(post, payload), idempotent=True)
        outcome.target = _where(post)
        self._verify(post, payload, outcome)
        return outcome

    def can(self, capability: str) -> bool:
        return bool((self.me.get("capabilities") or {}).get(capability))

    def _payload(
        self, fields: PostFields, status: Status, *, create: bool, warnings: list[str]
    ) -> tuple[dict[str, Any], list[str]]:
        """The REST body for ``fields`` with names turned into ids, and what had to be (or would be) created.

        What the user may not do (credit another author, create a user or a category) is
        left out with a warning rather than failing the article: an editor with more
        rights can push it again to complete it.
        """
        new: list[str] = []
        body: dict[str, Any] = {
            "title": fields.title,
            "content": fields.content,
            "excerpt": fields.excerpt,
            "slug": fields.slug,
            "status": status,
            "meta": dict(fields.meta),
        }
        if fields.date_gmt:
            body["date_gmt"] = fields.date_gmt
        if fields.date:
            body["date"] = fields.date
        if fields.author:
            author = self._author(fields.author, create=create, new=new, warnings=warnings)
            if author is not False:
                body["author"] = author
        for taxonomy, names in (("tags", fields.tags), ("categories", fields.categories)):
            if not names and taxonomy == "categories":
                continue  # no section: leave WordPress's default category alone
            ids: list[int | None] = []
            for name in names:
                known = self.term_id(taxonomy, name, create=False)
                if known is None:
                    # Tags need only assign_terms; categories need manage_categories.
                    if taxonomy == "categories" and not self.can("manage_categories"):
                        warnings.append(
                            f"user {self.user!r} may not create the category {name!r}, so the post is left without it"
                        )
                        continue
                    new.append(f"new {_singular(taxonomy)} {name!r}")
                    try:
                        known = self.term_id(taxonomy, name, create=True) if create else None
                    except HTTPStatusError as err:
                        if err.code != "empty_term_name":
                            raise
                        # A name WordPress empties when it cleans it: nothing to tag with.
                        warnings.append(f"WordPress cannot name a {_singular(taxonomy)} {name!r}; left out")
                        new.pop()
                        continue
                ids.append(known)
            if ids or taxonomy == "tags":
                # Names WordPress folds together ("a  b", "a b") are one term: list it once.
                body[taxonomy] = list(dict.fromkeys(ids))
        return body, new

    def _author(self, name: str, *, create: bool, new: list[str], warnings: list[str]) -> int | None | bool:
        """The user id to credit (None: would be created in a dry run; False: leave the post's author)."""
        me = self.me.get("name") or self.user
        if not self.can("edit_others_posts"):
            if html.unescape(str(me)).casefold() != name.casefold():
                warnings.append(
                    f"user {self.user!r} may not credit posts to others, so the post is "
                    f"credited to {me!r}, not {name!r}"
                )
            return False
        known = self.user_id(name, create=False)
        if known is not None:
            return known
        if not self.can("create_users"):
            warnings.append(
                f"user {self.user!r} may not create users, so the post is not credited to "
                f"{name!r} (create a user with the slug {normalise_name(name)!r} and push again)"
            )
            return False
        new.append(f"new author {name!r}")
        return self.user_id(name, create=True) if create else None

    def _create(self, article_id: str, slug: str, payload: dict[str, Any]) -> tuple[dict[str, Any], bool]:
        # A create that failed ambiguously (timeout, dropped connection, 5xx) may have
        # made the post: look before trying again, so that a retry never makes a second.
        for attempt in range(1, CREATE_TRIES + 1):
            try:
                return self.write("wp/v2/posts", payload, idempotent=False), False
            except AmbiguousError:
                existing = self.find_post(article_id, slug)
                if existing is not None:
                    return self.write(
                        f"wp/v2/posts/{existing['id']}", _update_body(existing, payload), idempotent=True
                    ), True
                if attempt == CREATE_TRIES:
                    raise
        raise AssertionError("unreachable")

    def _verify(self, post: dict[str, Any], payload: dict[str, Any], outcome: PushOutcome) -> None:
        """Compare what WordPress stored with what was sent: lost meta is an error, altered HTML a warning."""
        left = differences(post, payload)
        lost = [c for c in left if c.startswith("meta.")]
        if lost:
            raise PushError(
                f"WordPress did not store {', '.join(lost)} of post {post.get('id')}",
                "update newsgraph's must-use plugin on the site, then push again",
            )
        for name in left:
            outcome.warnings.append(
                f"WordPress changed the {name} on save (a plugin or the user's rights filter posts)"
            )


def differences(post: dict[str, Any], payload: dict[str, Any]) -> list[str]:
    """The payload's fields whose value the post does not hold (in payload order)."""
    changed: list[str] = []
    for name, wanted in payload.items():
        if name == "meta":
            have = post.get("meta") or {}
            changed.extend(f"meta.{k}" for k, v in wanted.items() if have.get(k) != v)
            continue
        have = post.get(name)
        if isinstance(have, dict) and "raw" in have:
            have = have["raw"]
        if name == "slug" and isinstance(have, str) and _same_slug(have, wanted):
            continue
        if name == "status" and (have == wanted or (wanted == "publish" and have == "future")):
            continue
        if name in ("tags", "categories"):
            if None in wanted or sorted(have or []) != sorted(wanted):
                changed.append(name)
            continue
        if have != wanted:
            changed.append(name)
    return changed


def _same_slug(have: str, wanted: str) -> bool:
    # WordPress appends -2, -3 ... when another post holds the slug: that is still ours.
    return have == wanted or re.fullmatch(re.escape(wanted) + r"-\d+", have) is not None


def _update_body(post: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    body = dict(payload)
    if isinstance(post.get("slug"), str) and _same_slug(post["slug"], payload["slug"]):
        body.pop("slug")  # sending it back would only make WordPress number it again
    return body


def _where(post: dict[str, Any]) -> str:
    return f"post {post.get('id')} {post.get('link', '')}".strip()


def _singular(taxonomy: str) -> str:
    return {"tags": "tag", "categories": "category"}.get(taxonomy, taxonomy)


def push_items(site: Site, items: Items, options: WordPressOptions = WordPressOptions()) -> PushReport:
    """Push every article of every input; a failing article is reported and the batch goes on.

    Checks the site first (``Site.connect``): a wrong password or a missing plugin stops
    the push before anything is written.
    """
    site.connect(publish=options.status == "publish")
    return run(items, lambda article: site.push(article, options), dry_run=options.dry_run)


def push_wordpress(
    articles: Iterable[Article],
    *,
    url: str,
    user: str,
    app_password: str,
    options: WordPressOptions = WordPressOptions(),
    client: Client | None = None,
) -> PushReport:
    """The library's ``push wordpress``: one post per article, created or updated in place."""
    site = Site(url, user, app_password, client=client)
    return push_items(site, ((_label(a), [a]) for a in articles), options)


def _label(article: Article) -> str:
    return article.provenance.source if article.provenance and article.provenance.source else article.id
