// The channel form shows only the fields of the chosen type; the server checks every field
// anyway, so without this script all fields show and the same rules apply.
const type = document.getElementById('type');

if (type) {
	const fields = document.querySelectorAll('[data-channel-types]');
	const show = () => {
		for (const field of fields) {
			field.hidden = !field.dataset.channelTypes.split(' ').includes(type.value);
		}
	};
	type.addEventListener('change', show);
	show();
}
