import './styles.css';

document.getElementById('app').textContent = 'Live 2.0';
