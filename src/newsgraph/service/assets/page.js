// newsgraph serve: send the article to this service's API; show its view; save its exports.
(function () {
  "use strict";
  var form = document.getElementById("article-form");
  var text = document.getElementById("article-text");
  var file = document.getElementById("article-file");
  var from = document.getElementById("from-format");
  var key = document.getElementById("api-key");
  var status = document.getElementById("status");
  var error = document.getElementById("error");
  var frame = document.getElementById("view");

  function request(path, params) {
    var query = new URLSearchParams(params || {});
    if (from.value) { query.set("from", from.value); }
    var body;
    if (file.files.length) {
      body = file.files[0];
      query.set("name", file.files[0].name);
    } else {
      // A Blob without a type: no Content-Type is sent, so the service tells the format from the content.
      body = new Blob([text.value]);
    }
    var headers = {};
    if (key && key.value) { headers["X-API-Key"] = key.value; }
    return fetch(path + "?" + query.toString(), { method: "POST", body: body, headers: headers })
      .then(function (response) {
        if (response.ok) { return response; }
        return response.json().then(function (problem) {
          throw new Error(problem.what + (problem.fix ? " (" + problem.fix + ")" : ""));
        }, function () { throw new Error("the service answered " + response.status); });
      });
  }

  function busy(message) {
    error.hidden = true;
    error.textContent = "";
    status.textContent = message;
  }

  function failed(err) {
    status.textContent = "";
    error.textContent = "Error: " + err.message;
    error.hidden = false;
  }

  function empty() {
    if (!file.files.length && !text.value.trim()) {
      failed(new Error("there is no article yet (paste its text or choose a file)"));
      text.focus();
      return true;
    }
    return false;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (empty()) { return; }
    busy("Reading the article…");
    request("/v1/view").then(function (response) { return response.text(); }).then(function (html) {
      frame.srcdoc = html;
      status.textContent = "Done: see what newsgraph found.";
      frame.setAttribute("data-loaded", "true");
    }).catch(failed);
  });

  document.getElementById("clear-file").addEventListener("click", function () {
    file.value = "";
    text.focus();
  });

  document.querySelectorAll("button.download").forEach(function (button) {
    button.addEventListener("click", function () {
      if (empty()) { return; }
      var to = button.getAttribute("data-to");
      busy("Converting to " + to + "…");
      request("/v1/convert", { to: to }).then(function (response) { return response.blob(); }).then(function (blob) {
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = "article" + button.getAttribute("data-extension");
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
        status.textContent = "Saved article" + button.getAttribute("data-extension") + ".";
      }).catch(failed);
    });
  });
}());
