// The community chooser's "near me": asks the phone for its position, then sends the form with
// it. Hidden where the browser has no geolocation; a refusal says to search by name instead.
(() => {
  const form = document.getElementById("choose");
  const button = document.getElementById("near-me");
  if (!form || !button || !navigator.geolocation) return;
  const near = document.getElementById("near");
  const problem = document.getElementById("near-problem");
  button.hidden = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        near.value = position.coords.latitude.toFixed(5) + "," + position.coords.longitude.toFixed(5);
        near.disabled = false;
        document.getElementById("q").value = "";
        form.submit();
      },
      () => {
        problem.textContent = form.dataset.failed;
        problem.hidden = false;
        button.disabled = false;
      },
      { timeout: 10000, maximumAge: 300000 },
    );
  });
})();
