// The citation is plain selectable text; where the clipboard is available it also gets a button.
(function () {
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(button.getAttribute("data-status"));
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.textContent.replace(/\s+/g, " ").trim();
      navigator.clipboard.writeText(text).then(
        function () { status.textContent = "Copied to the clipboard."; },
        function () { status.textContent = "Could not copy: select the citation and copy it."; });
    });
  });
})();
