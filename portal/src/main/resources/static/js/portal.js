// Senim portal: the little behaviour a page needs beyond htmx. No inline scripts (the CSP forbids them).
(function () {
  "use strict";
  // htmx requests carry the CSRF token of signed-in pages.
  document.addEventListener("htmx:configRequest", function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });
  // <form id="language-switch" data-carry="#text">: what was typed on the page goes along when the language
  // is switched, in the POST body (never in a URL or the browser's storage).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id !== "language-switch" || !form.getAttribute("data-carry")) {
      return;
    }
    form.getAttribute("data-carry").split(",").forEach(function (selector) {
      var field = document.querySelector(selector.trim());
      if (!field || !field.name || !field.value) {
        return;
      }
      var carried = document.createElement("input");
      carried.type = "hidden";
      carried.name = field.name;
      carried.value = field.value;
      form.appendChild(carried);
    });
  });
  // A refused form's error summary takes the focus, so it is seen and read out first.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
  });
  // Its links lead to the field by id or, for a field the API names by path, by name.
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".error-summary a[data-field]");
    if (!link) {
      return;
    }
    var name = link.getAttribute("data-field");
    var field = document.getElementById(name) || document.querySelector('[name="' + CSS.escape(name) + '"]');
    if (field) {
      event.preventDefault();
      field.scrollIntoView({block: "center"});
      if (field.tagName === "FIELDSET") {
        field = field.querySelector("input, select, textarea") || field;
      }
      field.focus();
    }
  });
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-copy], [data-print], [data-confirm]");
    if (!target) {
      return;
    }
    // <button data-copy="#receipt" data-copied="Copied">: copies the element's text.
    if (target.hasAttribute("data-copy")) {
      var source = document.querySelector(target.getAttribute("data-copy"));
      if (source && navigator.clipboard) {
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          var status = document.querySelector(target.getAttribute("data-status") || "#copy-status");
          if (status) {
            status.textContent = target.getAttribute("data-copied") || "";
          }
        });
      }
    }
    if (target.hasAttribute("data-print")) {
      window.print();
    }
    // <button data-confirm="Are you sure?">: asks before submitting its form.
    if (target.hasAttribute("data-confirm") && !window.confirm(target.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });
})();
